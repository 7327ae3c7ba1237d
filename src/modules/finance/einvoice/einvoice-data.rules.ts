import type { FieldError } from '@libs/http';
import type { InvoiceDocument, InvoiceDocumentParty } from './invoice-document';

/** Integer cents as an EN 16931 amount: `-1234` → `"-12.34"`. */
export function centsToAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount in cents must be an integer, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const QUANTITY = /^-?\d{1,9}(\.\d{1,3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATE = /^\d{1,2}(\.\d{1,2})?$/;

function requireText(errors: FieldError[], path: string, value: string | undefined): void {
  if (!value || !value.trim()) errors.push({ path, message: 'is required for an e-invoice' });
}

function checkParty(errors: FieldError[], path: string, party: InvoiceDocumentParty, seller: boolean): void {
  requireText(errors, `${path}.name`, party.name);
  requireText(errors, `${path}.street`, party.street);
  requireText(errors, `${path}.postalCode`, party.postalCode); // BR-DE-4 / BR-DE-9
  requireText(errors, `${path}.city`, party.city); // BR-DE-3 / BR-DE-8
  if (!/^[A-Z]{2}$/.test(party.countryCode)) errors.push({ path: `${path}.countryCode`, message: 'must be an ISO 3166-1 alpha-2 code' });
  if (seller) {
    // BR-DE-16: VAT ID or tax number; BR-DE-6/7: the seller contact's phone and e-mail; BT-34 electronic address.
    if (!party.vatId?.trim() && !party.taxNumber?.trim()) errors.push({ path: `${path}.vatId`, message: 'VAT ID or tax number is required (BR-DE-16)' });
    requireText(errors, `${path}.phone`, party.phone);
    requireText(errors, `${path}.email`, party.email);
  }
}

/**
 * What an invoice document lacks to become a valid XRechnung / Factur-X EN 16931 invoice: checked
 * before generation so the caller gets a 422 listing the gaps instead of an invalid file. The
 * official validators remain the proof (tests); this covers what the data model leaves optional.
 */
export function eInvoiceDataProblems(doc: InvoiceDocument): FieldError[] {
  const errors: FieldError[] = [];
  requireText(errors, 'number', doc.number);
  const cents: [string, number][] = [
    ...doc.lines.flatMap((l, i): [string, number][] => [[`lines[${i}].unitPriceCents`, l.unitPriceCents], [`lines[${i}].discountCents`, l.discountCents], [`lines[${i}].netCents`, l.netCents]]),
    ...doc.vatBreakdown.flatMap((r, i): [string, number][] => [[`vatBreakdown[${i}].taxableCents`, r.taxableCents], [`vatBreakdown[${i}].taxCents`, r.taxCents]]),
    ...Object.entries(doc.totals).map(([key, value]): [string, number] => [`totals.${key}`, value]),
  ];
  const notCents = cents.filter(([, value]) => !Number.isSafeInteger(value));
  if (notCents.length > 0) return notCents.map(([path]) => ({ path, message: 'must be an integer amount in cents' }));
  if (!DATE.test(doc.issueDate)) errors.push({ path: 'issueDate', message: 'must be YYYY-MM-DD' });
  requireText(errors, 'buyerReference', doc.buyerReference); // BR-DE-15
  checkParty(errors, 'seller', doc.seller, true);
  checkParty(errors, 'buyer', doc.buyer, false);
  requireText(errors, 'payment.iban', doc.payment.iban); // BR-DE-19 / BR-DE-23
  requireText(errors, 'payment.accountName', doc.payment.accountName);
  if (doc.lines.length === 0) errors.push({ path: 'lines', message: 'an invoice needs at least one line' });
  doc.lines.forEach((line, i) => {
    requireText(errors, `lines[${i}].name`, line.name);
    if (!QUANTITY.test(line.quantity)) errors.push({ path: `lines[${i}].quantity`, message: 'must be a decimal with up to 3 decimals' });
    if (line.unitPriceCents < 0) errors.push({ path: `lines[${i}].unitPriceCents`, message: 'a net price must not be negative (BR-27); negate the quantity instead' });
    if (!RATE.test(line.vatRatePercent)) errors.push({ path: `lines[${i}].vatRatePercent`, message: 'must be a decimal percentage' });
  });
  doc.vatBreakdown.forEach((row, i) => {
    if (['E', 'AE', 'O'].includes(row.vatCategory) && !row.exemptionReason?.trim()) {
      errors.push({ path: `vatBreakdown[${i}].exemptionReason`, message: `category ${row.vatCategory} needs an exemption reason (BR-${row.vatCategory}-10)` });
    }
  });
  const lineSum = doc.lines.reduce((sum, line) => sum + line.netCents, 0);
  if (lineSum !== doc.totals.lineNetCents) errors.push({ path: 'totals.lineNetCents', message: `must equal the sum of line nets (${lineSum}) (BR-CO-10)` });
  const taxSum = doc.vatBreakdown.reduce((sum, row) => sum + row.taxCents, 0);
  if (taxSum !== doc.totals.taxCents) errors.push({ path: 'totals.taxCents', message: `must equal the sum of the VAT breakdown (${taxSum}) (BR-CO-14)` });
  if (doc.totals.lineNetCents + doc.totals.taxCents !== doc.totals.grossCents) errors.push({ path: 'totals.grossCents', message: 'must equal net plus VAT (BR-CO-15)' });
  if (doc.totals.grossCents - doc.totals.prepaidCents !== doc.totals.dueCents) errors.push({ path: 'totals.dueCents', message: 'must equal gross minus prepaid (BR-CO-16)' });
  if (doc.typeCode === '381' && doc.totals.grossCents < 0) {
    errors.push({ path: 'typeCode', message: 'a credit note (381) carries positive amounts; a cancellation with negated amounts is type 384' });
  }
  if (doc.typeCode === '384' && doc.precedingInvoices.length === 0) {
    errors.push({ path: 'precedingInvoices', message: 'a cancellation / corrected invoice must reference the original invoice (BR-DE-26)' });
  }
  return errors;
}
