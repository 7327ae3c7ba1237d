import type { Logger } from '@e-invoice-eu/core';
import { Injectable } from '@nestjs/common';
import { ciiGenerator } from './cii-fixups';
import { eInvoiceDataProblems } from './einvoice-data.rules';
import { EInvoiceErrors } from './einvoice.errors';
import { toEInvoiceInput } from './einvoice-mapping';
import type { InvoiceDocument } from './invoice-document';

/** The library logs its own JSON-schema complaints; the thrown error carries them, so stay quiet. */
const silent: Logger = { log: () => undefined, warn: () => undefined, error: () => undefined };

const LANG = { de: 'de-de', en: 'en-gb' } as const;

/**
 * E-invoices of a finalised invoice (B2B only; B2C invoices stay PDF):
 * - `xrechnungCii`: XRechnung 3.0 in the CII syntax (UBL is not offered: its validation
 *   artefacts are not available to prove it);
 * - `facturX`: ZUGFeRD / Factur-X EN 16931 profile — the given invoice PDF turned into PDF/A-3
 *   with the CII XML embedded as `factur-x.xml` (relationship Alternative) and the Factur-X XMP.
 * Both refuse (422) an invoice document that lacks what the rules require, listing the gaps.
 */
@Injectable()
export class EInvoiceService {
  async xrechnungCii(doc: InvoiceDocument): Promise<string> {
    const output = await this.generate(doc, 'XRECHNUNG-CII');
    return typeof output === 'string' ? output : Buffer.from(output).toString('utf8');
  }

  async facturX(doc: InvoiceDocument, pdf: Buffer): Promise<Buffer> {
    const output = await this.generate(doc, 'Factur-X-EN16931', {
      buffer: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
      filename: `${doc.number}.pdf`,
      mimetype: 'application/pdf',
    });
    return Buffer.from(output as Uint8Array);
  }

  private async generate(doc: InvoiceDocument, format: string, pdf?: { buffer: Uint8Array; filename: string; mimetype: string }) {
    const problems = eInvoiceDataProblems(doc);
    if (problems.length > 0) throw EInvoiceErrors.dataIncomplete(problems);
    return ciiGenerator(doc, silent).generate(toEInvoiceInput(doc), { format, lang: LANG[doc.language], noWarnings: true, ...(pdf ? { pdf } : {}) });
  }
}
