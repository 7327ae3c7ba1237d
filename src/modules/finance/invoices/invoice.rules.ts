import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import type { FieldError } from '@libs/http';
import type { RateTotal } from '../shared/amounts.rules';
import type { InvoiceKind, InvoiceStatus, SellerSnapshot, StoredDeduction, StoredRateTotal } from './invoices.schema';

/** §33 UStDV: invoices up to €250 gross (Kleinbetragsrechnung) need less content. */
export const SMALL_INVOICE_MAX_GROSS_CENTS = 25_000;

/** The states a finalised invoice moves through with payments (cancelled and draft are not among them). */
const OPEN_STATES: readonly InvoiceStatus[] = ['finalised', 'sent', 'partially_paid', 'paid', 'overdue'];

export const isOpenForPayments = (status: InvoiceStatus, kind: InvoiceKind) => kind !== 'cancellation' && OPEN_STATES.includes(status);

export interface LegalCheckInput {
  kind: InvoiceKind;
  seller: Partial<SellerSnapshot> | null;
  recipientName: string | null;
  recipientStreet: string | null;
  recipientPostalCode: string | null;
  recipientCity: string | null;
  recipientIsBusiness: boolean;
  propertyRelated: boolean | null;
  serviceDate: string | null;
  servicePeriodStart: string | null;
  servicePeriodEnd: string | null;
  lines: { text: { de: string; en: string } | null; quantity: string; unit: string | null; vatCategory: string }[];
  grossCents: number;
  vatBreakdown: Pick<RateTotal, 'vatCategory' | 'rateBasisPoints'>[];
  /** The note texts of the categories used (a 0 % PV line needs the §12(3) note). */
  vatNotes: Partial<Record<string, string | null>>;
}

/**
 * What §14(4) UStG requires and the invoice lacks (empty: it may be finalised). Issue date and
 * number are assigned by the finalisation itself. A small invoice (≤ €250 gross, §33 UStDV) needs
 * only the supplier's name and address, the issue date, quantity and kind of the service, the
 * gross amount and the rate.
 */
export function missingLegalContent(input: LegalCheckInput): FieldError[] {
  const errors: FieldError[] = [];
  const missing = (path: string, message: string) => errors.push({ path, message });
  const small = Math.abs(input.grossCents) <= SMALL_INVOICE_MAX_GROSS_CENTS;
  const seller = input.seller ?? {};
  if (!seller.legalName) missing('settings.legalName', 'the supplier’s full name is missing (organisation settings)');
  if (!seller.street || !seller.postalCode || !seller.city) missing('settings.address', 'the supplier’s full address is missing (organisation settings)');
  if (input.lines.length === 0) missing('lines', 'an invoice needs at least one (non-optional) line: quantity and kind of the service');
  input.lines.forEach((line, i) => {
    if (!line.text?.de?.trim()) missing(`lines[${i}].text`, 'the kind of the service (line text) is missing');
    if (!line.unit) missing(`lines[${i}].unit`, 'the unit of the quantity is missing');
  });
  if (input.vatBreakdown.length === 0 && input.lines.length > 0) missing('lines', 'no VAT rate applies to the lines');
  for (const rate of input.vatBreakdown) {
    if (rate.vatCategory === 'zero_pv' && !input.vatNotes.zero_pv) missing('lines', 'a 0 % line under §12(3) UStG needs its note; the VAT rate reference data has none');
    if (rate.vatCategory === 'exempt' && !input.vatNotes.exempt) missing('lines', 'an exempt line needs the note on the exemption; the VAT rate reference data has none');
  }
  if (small) return errors;
  if (!seller.taxNumber && !seller.vatId) missing('settings.taxNumber', 'the supplier’s tax number or VAT ID is missing (organisation settings)');
  if (!input.recipientName) missing('recipient.name', 'the recipient’s full name is missing');
  if (!input.recipientStreet || !input.recipientPostalCode || !input.recipientCity) missing('recipient.address', 'the recipient’s full address is missing');
  if (!input.serviceDate && !(input.servicePeriodStart && input.servicePeriodEnd)) missing('serviceDate', 'the date of the service (or the service period) is missing');
  if (!input.recipientIsBusiness && input.propertyRelated === null) {
    missing('propertyRelated', 'say whether the service is property-related: to a private person it needs the 2-year retention note (§14(4) Nr. 9 UStG)');
  }
  return errors;
}

export type LegalNoteKey = 'retention' | 'vat_zero_rate' | 'vat_exempt' | 'small_business';

/** The legal notes the invoice prints: retention (property-related, private recipient) and the notes of 0 %/exempt rates. */
export function legalNotes(input: { recipientIsBusiness: boolean; propertyRelated: boolean | null; categories: string[]; vatNotes: Partial<Record<string, string | null>>; language: 'de' | 'en' }): { key: LegalNoteKey; text: string }[] {
  const notes: { key: LegalNoteKey; text: string }[] = [];
  if (input.propertyRelated && !input.recipientIsBusiness) {
    notes.push({
      key: 'retention',
      text:
        input.language === 'de'
          ? 'Sie sind gesetzlich verpflichtet, diese Rechnung, einen Zahlungsbeleg oder eine andere beweiskräftige Unterlage zwei Jahre aufzubewahren (§ 14b Abs. 1 Satz 5 UStG).'
          : 'You are required by law to keep this invoice, a receipt of payment or another conclusive document for two years (§ 14b(1) sentence 5 UStG).',
    });
  }
  if (input.categories.includes('zero_pv') && input.vatNotes.zero_pv) notes.push({ key: 'vat_zero_rate', text: input.vatNotes.zero_pv });
  if (input.categories.includes('exempt') && input.vatNotes.exempt) notes.push({ key: 'vat_exempt', text: input.vatNotes.exempt });
  return notes;
}

/** The status payments give a finalised invoice: paid once they cover the amount due; overdue past the due date. */
export function paymentStatus(input: { status: InvoiceStatus; amountDueCents: number; paidCents: number; sentAt: Date | null; dueDate: string | null; today: string }): InvoiceStatus {
  if (input.status === 'draft' || input.status === 'cancelled') return input.status;
  if (input.paidCents >= input.amountDueCents && input.amountDueCents > 0) return 'paid';
  if (input.dueDate && input.dueDate < input.today && input.amountDueCents > 0) return 'overdue';
  if (input.paidCents > 0) return 'partially_paid';
  return input.sentAt ? 'sent' : 'finalised';
}

/**
 * A down payment as a final invoice deducts it: what was received of it, split over its VAT rates
 * in proportion to its gross per rate (largest share takes the rounding remainder), each share
 * split into net and tax at its rate. Fully paid: exactly its invoiced net and tax per rate.
 */
export function deductionOf(downPayment: { id: string; number: string; issueDate: string; vatBreakdown: StoredRateTotal[]; grossCents: number; paidCents: number }): StoredDeduction {
  const received = Math.min(downPayment.paidCents, downPayment.grossCents);
  if (received === downPayment.grossCents) {
    return {
      invoiceId: downPayment.id,
      number: downPayment.number,
      issueDate: downPayment.issueDate,
      perRate: downPayment.vatBreakdown.map((r) => ({ vatCategory: r.vatCategory, rateBasisPoints: r.rateBasisPoints, netCents: r.netCents, taxCents: r.taxCents })),
      grossCents: received,
    };
  }
  const shares = downPayment.vatBreakdown.map((r) =>
    downPayment.grossCents === 0 ? 0 : new Decimal(received).times(r.netCents + r.taxCents).dividedBy(downPayment.grossCents).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(),
  );
  const remainder = received - shares.reduce((a, b) => a + b, 0);
  if (shares.length) shares[shares.indexOf(Math.max(...shares))] += remainder;
  const perRate = downPayment.vatBreakdown.map((r, i) => {
    const net = new Decimal(shares[i]).times(10_000).dividedBy(10_000 + r.rateBasisPoints).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    return { vatCategory: r.vatCategory, rateBasisPoints: r.rateBasisPoints, netCents: net, taxCents: shares[i] - net };
  });
  return { invoiceId: downPayment.id, number: downPayment.number, issueDate: downPayment.issueDate, perRate, grossCents: received };
}

/** The amount due: gross minus the deducted down payments. */
export function amountDue(grossCents: number, deductions: readonly StoredDeduction[]): { prepaidCents: number; amountDueCents: number } {
  const prepaidCents = deductions.reduce((sum, d) => sum + d.grossCents, 0);
  return { prepaidCents, amountDueCents: grossCents - prepaidCents };
}

/** Due date: issue date plus the payment terms in days (calendar dates). */
export function dueDateOf(issueDate: string, paymentTermsDays: number): string {
  return DateTime.fromISO(issueDate, { zone: 'utc' }).plus({ days: paymentTermsDays }).toISODate()!;
}

/** The day five months before `today`: projects completed on or before it are due for a final invoice notice. */
export function finalInvoiceNoticeCutoff(today: string): string {
  return DateTime.fromISO(today, { zone: 'utc' }).minus({ months: 5 }).toISODate()!;
}

/** The six-month deadline (§14(2) Nr. 1 UStG) of a service completed on `completedOn`. */
export function finalInvoiceDeadline(completedOn: string): string {
  return DateTime.fromISO(completedOn, { zone: 'utc' }).plus({ months: 6 }).toISODate()!;
}
