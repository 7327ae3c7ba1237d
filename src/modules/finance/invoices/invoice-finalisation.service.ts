import { Injectable, Logger } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope, Scope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { staleResource } from '@libs/http';
import { FinanceErrors } from '../finance.errors';
import { FINANCE_EVENTS } from '../finance.events';
import { formatNumber } from '../shared/number-format.rules';
import type { FinanceSettings } from '../settings/finance-settings.schema';
import { FinanceSettingsService } from '../settings/finance-settings.service';
import { InvoiceComposer } from './invoice-composer';
import { InvoiceNumbersRepository } from './invoice-numbers.repository';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoiceResponseDto } from './invoice.dto';
import { invoiceSearchText, toInvoiceResponse } from './invoice.mapper';
import { dueDateOf, legalNotes, missingLegalContent } from './invoice.rules';
import type { Invoice, SellerSnapshot } from './invoices.schema';
import { amountColumns, InvoicesService, lineInput, rateDateOf } from './invoices.service';
import { berlinDate } from '@libs/shared';

export function sellerSnapshot(s: FinanceSettings): SellerSnapshot {
  return {
    legalName: s.legalName ?? '',
    street: s.street ?? '',
    postalCode: s.postalCode ?? '',
    city: s.city ?? '',
    countryCode: s.countryCode ?? 'DE',
    taxNumber: s.taxNumber,
    vatId: s.vatId,
    registerCourt: s.registerCourt,
    registerNumber: s.registerNumber,
    managingDirectors: s.managingDirectors,
    email: s.email,
    phone: s.phone,
    website: s.website,
    iban: s.iban,
    bic: s.bic,
    bankName: s.bankName,
  };
}

/**
 * Finalisation: in one transaction the draft is locked, recomputed with the VAT rates of its
 * service date, checked against §14(4) UStG (422 listing what is missing, before any number is
 * taken), numbered from its series' counter (locked until commit: gap-free, and a rollback frees
 * the number) and frozen with the seller's data. The PDF is rendered after the commit; should that
 * fail, the invoice stays finalised and POST …/pdf renders it again.
 */
@Injectable()
export class InvoiceFinalisationService {
  private readonly logger = new Logger(InvoiceFinalisationService.name);

  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly invoices: InvoicesService,
    private readonly composer: InvoiceComposer,
    private readonly numbers: InvoiceNumbersRepository,
    private readonly settings: FinanceSettingsService,
    private readonly pdf: InvoicePdfService,
  ) {}

  async finalize(id: string, version: number | undefined): Promise<InvoiceResponseDto> {
    const scope = currentScope('finance.invoices:finalize');
    const row = await this.txHost.withTransaction(() => this.finalizeInTransaction(id, version, scope));
    return this.withPdf(row);
  }

  /** The finalisation itself, inside the caller's transaction (a cancellation finalises its invoice so). */
  async finalizeInTransaction(id: string, version: number | undefined, scope: Scope): Promise<Invoice> {
    const steps = this.invoices.steps;
    const current = await steps.find(id, scope, { forUpdate: true });
    if (version !== undefined && current.version !== version) throw staleResource();
    if (current.status !== 'draft') throw FinanceErrors.invoiceNotDraft(id, current.status);
    const settings = await this.settings.current();
    const seller = sellerSnapshot(settings);
    const issueDate = berlinDate();
    const storedLines = await this.invoices.repository.linesOf(id);
    const amounts =
      current.kind === 'cancellation'
        ? undefined
        : await this.composer.amounts(storedLines.map(lineInput), rateDateOf({ ...current, issueDate }), { kind: current.kind, projectId: current.projectId });
    const lines = amounts?.lines ?? storedLines;
    const vatBreakdown = amounts?.totals.perRate ?? current.vatBreakdown;
    const vatNotes = amounts?.vatNotes ?? Object.fromEntries(current.legalNotes.map((n) => [n.key === 'vat_zero_rate' ? 'zero_pv' : n.key === 'vat_exempt' ? 'exempt' : n.key, n.text]));
    const missing = missingLegalContent({
      kind: current.kind,
      seller,
      recipientName: current.recipientName,
      recipientStreet: current.recipientStreet,
      recipientPostalCode: current.recipientPostalCode,
      recipientCity: current.recipientCity,
      recipientIsBusiness: current.recipientIsBusiness,
      propertyRelated: current.propertyRelated,
      serviceDate: current.serviceDate,
      servicePeriodStart: current.servicePeriodStart,
      servicePeriodEnd: current.servicePeriodEnd,
      lines: lines.map((l) => ({ text: l.text ?? null, quantity: String(l.quantity), unit: l.unit ?? null, vatCategory: l.vatCategory })),
      grossCents: amounts?.totals.grossCents ?? current.grossCents,
      vatBreakdown,
      vatNotes,
    });
    if (missing.length) throw FinanceErrors.invoiceIncomplete(missing);
    if (amounts) await this.invoices.repository.replaceLines(id, amounts.lines);
    const format = current.kind === 'cancellation' ? settings.cancellationNumberFormat : settings.invoiceNumberFormat;
    const year = Number(issueDate.slice(0, 4));
    const serial = await this.numbers.next(format, year);
    const number = formatNumber(format, year, serial);
    const notes = legalNotes({
      recipientIsBusiness: current.recipientIsBusiness,
      propertyRelated: current.propertyRelated,
      categories: vatBreakdown.map((r) => r.vatCategory),
      vatNotes,
      language: current.language,
    });
    const finalised = await steps.apply(
      current,
      {
        ...(amounts ? amountColumns(amounts) : {}),
        status: 'finalised',
        number,
        series: format,
        fiscalYear: year,
        serial,
        issueDate,
        dueDate: current.kind === 'cancellation' ? null : dueDateOf(issueDate, current.paymentTermsDays),
        seller,
        legalNotes: notes,
        finalisedAt: new Date(),
        searchText: invoiceSearchText({ number, recipientName: current.recipientName, subject: current.subject }),
      },
      scope,
    );
    await steps.publish(
      FINANCE_EVENTS.invoice.finalized(id, {
        invoiceId: id,
        number,
        kind: finalised.kind,
        projectId: finalised.projectId,
        contactId: finalised.contactId,
        issueDate,
        dueDate: finalised.dueDate,
        totalNetCents: finalised.netCents,
        totalTaxCents: finalised.taxCents,
        totalGrossCents: finalised.grossCents,
        amountDueCents: finalised.amountDueCents,
      }),
    );
    return finalised;
  }

  /** Marks a finalised invoice as sent to its recipient (once; later calls answer it unchanged). */
  async send(id: string, version: number | undefined): Promise<InvoiceResponseDto> {
    const scope = currentScope('finance.invoices:update');
    const steps = this.invoices.steps;
    const row = await this.txHost.withTransaction(async () => {
      const current = await steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && current.version !== version) throw staleResource();
      if (current.status === 'draft' || current.status === 'cancelled' || current.kind === 'cancellation') throw FinanceErrors.invoiceNotFinalised(id, current.status);
      if (current.sentAt) return current;
      const sentAt = new Date();
      const updated = await steps.apply(current, { sentAt, status: current.status === 'finalised' ? 'sent' : current.status }, scope);
      await steps.publish(FINANCE_EVENTS.invoice.sent(id, { invoiceId: id, number: current.number!, sentAt: sentAt.toISOString() }));
      return updated;
    });
    return toInvoiceResponse(row, await this.invoices.repository.linesOf(id));
  }

  /** Renders the PDF of a finalised invoice that has none yet (or answers the one it has). */
  async ensurePdf(id: string): Promise<InvoiceResponseDto> {
    const row = await this.invoices.steps.find(id, currentScope('finance.invoices:read'));
    if (row.status === 'draft') throw FinanceErrors.invoiceNotFinalised(id, row.status);
    return row.pdfFileId ? toInvoiceResponse(row, await this.invoices.repository.linesOf(id)) : this.withPdf(row, true);
  }

  /** The invoice with its PDF rendered; a rendering failure leaves it finalised without one (logged; POST …/pdf retries). */
  async withPdf(row: Invoice, rethrow = false): Promise<InvoiceResponseDto> {
    let current = row;
    try {
      current = await this.txHost.withTransaction(() => this.pdf.render(row));
    } catch (error) {
      if (rethrow) throw error;
      this.logger.warn(`invoice ${row.number}: PDF not rendered (${(error as Error).message}); POST /finance/invoices/${row.id}/pdf retries`);
    }
    return toInvoiceResponse(current, await this.invoices.repository.linesOf(row.id));
  }
}
