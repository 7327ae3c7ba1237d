import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { DateTime } from 'luxon';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { PdfRenderingService } from '../../documents';
import { DatevExportService, datevInvoiceFromDocument, DatevRevenueAccount } from '../datev';
import { EInvoiceService } from '../einvoice';
import { FinanceErrors } from '../finance.errors';
import { toInvoiceDocument, VAT_CODES } from '../invoices/invoice-document.builder';
import { InvoicePdfService } from '../invoices/invoice-pdf.service';
import type { Invoice } from '../invoices/invoices.schema';
import { InvoicesService } from '../invoices/invoices.service';
import { PaymentsService } from '../payments/payments.service';
import { ratePercent } from '../shared/amounts.rules';
import type { FinanceSettings } from '../settings/finance-settings.schema';
import { FinanceSettingsService } from '../settings/finance-settings.service';

/** One period's export is one batch; more bookings than this are split by a shorter period. */
const MAX_EXPORT_ROWS = 20_000;
const MAX_PERIOD_DAYS = 366;

export interface ExportFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * The files accountants and business customers receive: XRechnung (CII) and Factur-X of a
 * finalised B2B invoice, and the DATEV Buchungsstapel of a period. The generators (einvoice/,
 * datev/) only read the invoice document built here; B2C invoices stay PDF only (422).
 */
@Injectable()
export class FinanceExportsService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly invoices: InvoicesService,
    private readonly payments: PaymentsService,
    private readonly settings: FinanceSettingsService,
    private readonly einvoice: EInvoiceService,
    private readonly datev: DatevExportService,
    private readonly pdf: InvoicePdfService,
    private readonly rendering: PdfRenderingService,
  ) {}

  async xrechnung(id: string): Promise<ExportFile> {
    const { invoice, doc } = await this.eInvoiceDocument(id);
    const xml = await this.einvoice.xrechnungCii(doc);
    return { filename: `${invoice.number}-xrechnung.xml`, contentType: 'application/xml; charset=utf-8', bytes: Buffer.from(xml, 'utf8') };
  }

  async facturX(id: string): Promise<ExportFile> {
    const { invoice, doc } = await this.eInvoiceDocument(id);
    const withPdf = invoice.pdfFileId ? invoice : await this.txHost.withTransaction(() => this.pdf.render(invoice));
    const pdf = await this.rendering.bytesOf(withPdf.pdfFileId!);
    return { filename: `${invoice.number}-facturx.pdf`, contentType: 'application/pdf', bytes: await this.einvoice.facturX(doc, pdf) };
  }

  async datevBuchungsstapel(from: string, to: string): Promise<ExportFile> {
    if (to < from) throw FinanceErrors.invalid([{ path: 'to', message: 'to must not be before from' }]);
    if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days >= MAX_PERIOD_DAYS) throw FinanceErrors.dateRangeTooLong(MAX_PERIOD_DAYS);
    const scope = currentScope('finance.exports:read');
    const settings = await this.settings.current();
    const invoices = await this.invoices.repository.issuedBetween(from, to, scope, MAX_EXPORT_ROWS + 1);
    const payments = await this.payments.receivedBetween(from, to, scope, MAX_EXPORT_ROWS + 1);
    if (invoices.length > MAX_EXPORT_ROWS || payments.length > MAX_EXPORT_ROWS) throw FinanceErrors.invalid([{ path: 'to', message: `more than ${MAX_EXPORT_ROWS} invoices or payments: export a shorter period` }]);
    const lines = await this.invoices.repository.linesOfMany(invoices.map((i) => i.id));
    const originals = await this.invoices.repository.byIds(invoices.flatMap((i) => (i.cancelsInvoiceId ? [i.cancelsInvoiceId] : [])));
    const documents = invoices.map((i) => toInvoiceDocument({ ...i, lines: lines.get(i.id) ?? [] }, settings, i.cancelsInvoiceId ? originals.get(i.cancelsInvoiceId) : undefined));
    const bytes = this.datev.buchungsstapel({
      settings: datevSettings(settings, invoices),
      period: { from, to },
      invoices: documents.map((d) => datevInvoiceFromDocument(d)),
      payments: payments.map(({ payment, invoiceNumber }) => ({
        invoiceNumber: invoiceNumber ?? '',
        date: payment.paidOn,
        amountCents: payment.amountCents,
        method: payment.method,
        reference: payment.reference ?? invoiceNumber ?? '',
      })),
    });
    return { filename: `EXTF_Buchungsstapel_${from}_${to}.csv`, contentType: 'text/csv; charset=windows-1252', bytes };
  }

  private async eInvoiceDocument(id: string) {
    const invoice = await this.invoices.steps.find(id, currentScope('finance.exports:read'));
    if (invoice.status === 'draft') throw FinanceErrors.invoiceNotFinalised(id, invoice.status);
    if (!invoice.recipientIsBusiness) throw FinanceErrors.eInvoiceForConsumer(id);
    const lines = await this.invoices.repository.linesOf(id);
    const doc = toInvoiceDocument({ ...invoice, lines }, await this.settings.current(), await this.originalOf(invoice));
    return { invoice, doc };
  }

  private async originalOf(invoice: Invoice): Promise<Invoice | undefined> {
    return invoice.cancelsInvoiceId ? this.invoices.repository.findById(invoice.cancelsInvoiceId, 'all') : undefined;
  }
}

/** The DATEV settings of the export from the organisation settings (422 naming what is missing). */
function datevSettings(settings: FinanceSettings, invoices: readonly Invoice[]) {
  const accounts = settings.datevAccounts;
  const missing = [
    !settings.datevConsultantNumber && 'settings.datevConsultantNumber',
    !settings.datevClientNumber && 'settings.datevClientNumber',
    !accounts && 'settings.datevAccounts',
  ].filter((p): p is string => !!p);
  if (missing.length || !accounts) throw FinanceErrors.invalid(missing.map((path) => ({ path, message: 'is required for the DATEV export (organisation settings)' })));
  const byCategory = { standard: accounts.revenueStandard, reduced: accounts.revenueReduced, zero_pv: accounts.revenueZeroPv, exempt: accounts.revenueExempt };
  const revenue = new Map<string, DatevRevenueAccount>();
  for (const rate of invoices.flatMap((i) => i.vatBreakdown)) {
    const vatCategory = VAT_CODES[rate.vatCategory];
    const vatRatePercent = ratePercent(rate.rateBasisPoints);
    revenue.set(`${vatCategory}:${vatRatePercent}`, { vatCategory, vatRatePercent, account: byCategory[rate.vatCategory] });
  }
  return {
    consultantNumber: settings.datevConsultantNumber!,
    clientNumber: settings.datevClientNumber!,
    fiscalYearStart: '01-01',
    accountLength: Math.max(4, accounts.revenueStandard.length, accounts.bank.length),
    chart: settings.datevChartOfAccounts,
    revenueAccounts: [...revenue.values()],
    receivablesAccount: accounts.debtors,
    bankAccount: accounts.bank,
  };
}

