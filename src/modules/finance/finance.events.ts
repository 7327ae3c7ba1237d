import { ChangesPayload, defineEvents, payload, resourceEvents } from '@libs/events';

/** `finance.quote.sent`: a quote version went to its recipient. */
export interface QuoteSentV1 {
  quoteId: string;
  number: string;
  version: number;
  projectId: string;
  contactId: string;
  sentAt: string;
  totalNetCents: number;
  totalGrossCents: number;
}

/**
 * `finance.quote.accepted`: the contract fact. `withFundingClause` says whether the funding
 * condition clause (Förderklausel: the contract stands under the condition of the funding
 * approval) is part of the contract — the funding context reads it.
 */
export interface QuoteAcceptedV1 {
  quoteId: string;
  number: string;
  version: number;
  projectId: string;
  contactId: string;
  acceptedAt: string;
  method: 'portal' | 'signed_upload' | 'email';
  withFundingClause: boolean;
  totalNetCents: number;
  totalGrossCents: number;
}

/** `finance.quote.rejected`: the recipient declined the quote. */
export interface QuoteRejectedV1 {
  quoteId: string;
  number: string;
  version: number;
  projectId: string;
  contactId: string;
  rejectedAt: string;
  reason: string | null;
}

/** `finance.quote.expired`: the daily check found a sent quote past its validity date. */
export interface QuoteExpiredV1 {
  quoteId: string;
  number: string;
  version: number;
  projectId: string;
  validUntil: string;
}

/** `finance.invoice.finalized`: the invoice got its number and is now immutable. */
export interface InvoiceFinalizedV1 {
  invoiceId: string;
  number: string;
  kind: 'down_payment' | 'partial' | 'final' | 'cancellation' | 'standalone';
  projectId: string | null;
  contactId: string | null;
  issueDate: string;
  dueDate: string | null;
  totalNetCents: number;
  totalTaxCents: number;
  totalGrossCents: number;
  /** What the recipient still has to pay (final invoice: after deducting down payments). */
  amountDueCents: number;
}

/** `finance.invoice.sent`: the invoice was marked as sent to its recipient. */
export interface InvoiceSentV1 {
  invoiceId: string;
  number: string;
  sentAt: string;
}

/** `finance.invoice.paid`: payments now cover the amount due. */
export interface InvoicePaidV1 {
  invoiceId: string;
  number: string;
  amountDueCents: number;
  paidCents: number;
  paidOn: string;
}

/** `finance.invoice.overdue`: the daily check found an unpaid invoice past its due date (once per invoice and due date). */
export interface InvoiceOverdueV1 {
  invoiceId: string;
  number: string;
  dueDate: string;
  openCents: number;
  detectedOn: string;
}

/** `finance.invoice.cancelled`: a cancellation invoice (Stornorechnung) reverses the invoice. */
export interface InvoiceCancelledV1 {
  invoiceId: string;
  number: string;
  cancellationInvoiceId: string;
  cancellationNumber: string;
  reason: string;
}

/**
 * `finance.invoice.final_invoice_due` (aggregate id: the project): a project finished more than
 * five months ago has no final invoice; for property-related services to private persons §14(2)
 * UStG requires the invoice within six months.
 */
export interface FinalInvoiceDueV1 {
  projectId: string;
  finishedOn: string;
  deadline: string;
  detectedOn: string;
}

/** `finance.payment.created` carries the invoice the payment belongs to. */
interface PaymentOrigin {
  invoiceId?: string;
}

/**
 * The finance context's domain events, appended to the outbox in the transaction of the change.
 * Other contexts import them from finance/index.ts.
 */
export const FINANCE_EVENTS = defineEvents('finance', {
  quote: {
    ...resourceEvents(),
    versionCreated: payload<ChangesPayload & { fromVersion: number; version: number }>(),
    sent: payload<QuoteSentV1>(),
    accepted: payload<QuoteAcceptedV1>(),
    rejected: payload<QuoteRejectedV1>(),
    expired: payload<QuoteExpiredV1>(),
  },
  invoice: {
    ...resourceEvents(),
    finalized: payload<InvoiceFinalizedV1>(),
    sent: payload<InvoiceSentV1>(),
    paid: payload<InvoicePaidV1>(),
    overdue: payload<InvoiceOverdueV1>(),
    cancelled: payload<InvoiceCancelledV1>(),
    finalInvoiceDue: payload<FinalInvoiceDueV1>(),
  },
  payment: resourceEvents<PaymentOrigin>(),
  product: resourceEvents(),
  settings: { updated: payload<ChangesPayload>() },
});
