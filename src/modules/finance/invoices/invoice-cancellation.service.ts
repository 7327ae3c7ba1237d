import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { staleResource } from '@libs/http';
import { FinanceErrors } from '../finance.errors';
import { FINANCE_EVENTS } from '../finance.events';
import { negateQuantity } from '../shared/amounts.rules';
import { InvoiceFinalisationService } from './invoice-finalisation.service';
import { InvoiceResponseDto } from './invoice.dto';
import { invoiceSearchText } from './invoice.mapper';
import { isOpenForPayments } from './invoice.rules';
import type { Invoice } from './invoices.schema';
import { InvoicesService } from './invoices.service';

/** Copies of the recipient and service fields a cancellation keeps from the invoice it reverses. */
const KEPT = [
  'language',
  'projectId',
  'contactId',
  'companyId',
  'quoteId',
  'recipientName',
  'recipientAddition',
  'recipientStreet',
  'recipientPostalCode',
  'recipientCity',
  'recipientCountryCode',
  'recipientVatId',
  'recipientIsBusiness',
  'buyerReference',
  'propertyRelated',
  'serviceDate',
  'servicePeriodStart',
  'servicePeriodEnd',
  'paymentTermsDays',
  'ownerId',
  'departmentId',
] as const satisfies readonly (keyof Invoice)[];

/**
 * Storno: a finalised invoice is never edited or deleted; it is reversed by a cancellation invoice
 * with its own number (cancellation series), a reference to the original and every amount negated
 * (same lines, same VAT rates as the original — not recomputed). The original becomes `cancelled`.
 * A correction is then a new invoice.
 */
@Injectable()
export class InvoiceCancellationService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly invoices: InvoicesService,
    private readonly finalisation: InvoiceFinalisationService,
  ) {}

  async cancel(id: string, version: number | undefined, reason: string): Promise<InvoiceResponseDto> {
    const scope = currentScope('finance.invoices:cancel');
    const steps = this.invoices.steps;
    const repository = this.invoices.repository;
    const cancellation = await this.txHost.withTransaction(async () => {
      const original = await steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && original.version !== version) throw staleResource();
      if (!isOpenForPayments(original.status, original.kind)) throw FinanceErrors.invoiceNotCancellable(id, original.status);
      const negate = (n: number) => (n === 0 ? 0 : -n);
      const draft = await steps.insert({
        ...Object.fromEntries(KEPT.map((k) => [k, original[k]])),
        contactId: original.contactId,
        kind: 'cancellation',
        status: 'draft',
        cancelsInvoiceId: original.id,
        cancellationReason: reason,
        subject: original.language === 'de' ? `Stornorechnung zu Rechnung ${original.number}` : `Cancellation of invoice ${original.number}`,
        vatBreakdown: original.vatBreakdown.map((r) => ({ ...r, netCents: negate(r.netCents), taxCents: negate(r.taxCents) })),
        deductions: original.deductions.map((d) => ({ ...d, grossCents: negate(d.grossCents), perRate: d.perRate.map((r) => ({ ...r, netCents: negate(r.netCents), taxCents: negate(r.taxCents) })) })),
        netCents: negate(original.netCents),
        taxCents: negate(original.taxCents),
        grossCents: negate(original.grossCents),
        prepaidCents: negate(original.prepaidCents),
        amountDueCents: negate(original.amountDueCents),
        legalNotes: original.legalNotes,
        searchText: invoiceSearchText({ number: null, recipientName: original.recipientName, subject: null }),
      });
      const lines = await repository.linesOf(original.id);
      await repository.insertLines(
        draft.id,
        lines.map(({ id: _id, invoiceId: _invoiceId, createdAt: _createdAt, ...line }) => ({
          ...line,
          quantity: negateQuantity(line.quantity),
          discountCents: negate(line.discountCents),
          netCents: negate(line.netCents),
        })),
      );
      const finalised = await this.finalisation.finalizeInTransaction(draft.id, undefined, 'all');
      await steps.apply(original, { status: 'cancelled', cancelledByInvoiceId: finalised.id }, 'all');
      await steps.publish(FINANCE_EVENTS.invoice.cancelled(original.id, { invoiceId: original.id, number: original.number!, cancellationInvoiceId: finalised.id, cancellationNumber: finalised.number!, reason }));
      return finalised;
    });
    return this.finalisation.withPdf(cancellation);
  }
}
