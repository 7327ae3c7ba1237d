import { FormatFactoryService, InvoiceService, type Logger } from '@e-invoice-eu/core';
import type { InvoiceDocument } from './invoice-document';

/** The library's intermediate CII tree: element names as keys, `element@attribute` for attributes. */
type CiiNode = { [key: string]: unknown };

function withKeyAfter(node: CiiNode, after: string, key: string, value: unknown): CiiNode {
  const result: CiiNode = {};
  let inserted = false;
  for (const [k, v] of Object.entries(node)) {
    if (k === key) continue;
    result[k] = v;
    if (k === after) {
      result[key] = value;
      inserted = true;
    }
  }
  if (!inserted) result[key] = value;
  return result;
}

/** CII-DT-031: only the header's TaxTotalAmount carries a currencyID; the library also sets it on allowances. */
function dropCurrencyIds(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropCurrencyIds);
  if (!node || typeof node !== 'object') return;
  for (const key of Object.keys(node)) {
    if (/^ram:\w*Amount@currencyID$/.test(key) && key !== 'ram:TaxTotalAmount@currencyID') delete (node as CiiNode)[key];
    else dropCurrencyIds((node as CiiNode)[key]);
  }
}

/** CII-SR-030: one Content per IncludedNote; the library puts every note into one IncludedNote. */
function splitNotes(document: CiiNode): void {
  const note = document['ram:IncludedNote'] as CiiNode | CiiNode[] | undefined;
  if (!note || Array.isArray(note) || !Array.isArray(note['ram:Content'])) return;
  document['ram:IncludedNote'] = (note['ram:Content'] as unknown[]).map((content) => ({ 'ram:Content': content }));
}

const compactDate = (date: string) => date.replace(/-/g, '');

/**
 * Corrections of the library's CII output (found by the official validators, pinned by tests):
 * - the CII XSD requires `ApplicableHeaderTradeDelivery` even when it is empty (no single service date);
 * - BG-3 PRECEDING INVOICE REFERENCE: the library's JSON schema and its CII converter disagree on
 *   the shape, so it never reaches the XML; CII allows one reference (D16B: 0..1), the first is written;
 * - CII-SR-030 and CII-DT-031 (see `splitNotes`, `dropCurrencyIds`).
 */
export function fixCii(cii: CiiNode, doc: InvoiceDocument): void {
  const root = cii['rsm:CrossIndustryInvoice'] as CiiNode;
  let tx = root['rsm:SupplyChainTradeTransaction'] as CiiNode;
  if (!tx['ram:ApplicableHeaderTradeDelivery']) {
    tx = withKeyAfter(tx, 'ram:ApplicableHeaderTradeAgreement', 'ram:ApplicableHeaderTradeDelivery', {});
  }
  const preceding = doc.precedingInvoices[0];
  if (preceding) {
    tx['ram:ApplicableHeaderTradeSettlement'] = withKeyAfter(tx['ram:ApplicableHeaderTradeSettlement'] as CiiNode, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation', 'ram:InvoiceReferencedDocument', {
      'ram:IssuerAssignedID': preceding.number,
      'ram:FormattedIssueDateTime': { 'qdt:DateTimeString': compactDate(preceding.issueDate), 'qdt:DateTimeString@format': '102' },
    });
  }
  root['rsm:SupplyChainTradeTransaction'] = tx;
  splitNotes(root['rsm:ExchangedDocument'] as CiiNode);
  dropCurrencyIds(root);
}

type PostProcessing = { postProcess(cii: CiiNode): void };

/** Hooks `fixCii` into the CII formatter's own post-processing step (a method the library calls on itself). */
class FixingFormatFactory extends FormatFactoryService {
  constructor(private readonly doc: InvoiceDocument) {
    super();
  }

  override createFormatService(format: string, logger: Logger) {
    const service = super.createFormatService(format, logger);
    const hooked = service as unknown as PostProcessing;
    const original = hooked.postProcess.bind(service);
    hooked.postProcess = (cii) => {
      original(cii);
      fixCii(cii, this.doc);
    };
    return service;
  }
}

/** The library's generator (JSON-schema check included) with the CII corrections for this document. */
export function ciiGenerator(doc: InvoiceDocument, logger: Logger): InvoiceService {
  const generator = new InvoiceService(logger);
  if (!('formatFactoryService' in generator)) throw new Error('@e-invoice-eu/core changed: no formatFactoryService to hook the CII corrections into');
  Object.assign(generator, { formatFactoryService: new FixingFormatFactory(doc) });
  return generator;
}
