import type { FieldError } from '@libs/http';
import type { EInvoiceVatCategory } from '../einvoice/invoice-document';
import type { DatevExportInput, DatevExportSettings, DatevInvoiceInput, DatevPaymentInput, DatevRevenueAccount } from './datev-export.types';

/** One row of the Buchungsstapel, before formatting. Amounts positive; the direction is `debitCredit`. */
export interface DatevBooking {
  amountCents: number;
  /** Soll/Haben of `account`: S = debit, H = credit. */
  debitCredit: 'S' | 'H';
  account: string;
  contraAccount: string;
  taxKey?: string;
  /** `YYYY-MM-DD`; written as TTMM. */
  documentDate: string;
  /** Belegfeld 1: the invoice number (DATEV matches open items by it). */
  documentNumber: string;
  text: string;
  serviceDate?: string;
}

/** DATEV: Belegfeld 1 holds up to 36 of these characters. */
export const DOCUMENT_NUMBER = /^[A-Za-z0-9$&%*+\-/]{1,36}$/;
/** Umsatz: at most 10 digits before the decimal comma. */
export const MAX_AMOUNT_CENTS = 999_999_999_999;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function revenueAccountFor(settings: DatevExportSettings, category: EInvoiceVatCategory, rate: string): DatevRevenueAccount | undefined {
  return settings.revenueAccounts.find((r) => r.vatCategory === category && Number(r.vatRatePercent) === Number(rate));
}

function direction(cents: number, creditNote: boolean): 'S' | 'H' {
  return cents > 0 !== creditNote ? 'S' : 'H';
}

const INVOICE_TEXT: Record<DatevInvoiceInput['typeCode'], string> = {
  '380': 'Rechnung',
  '326': 'Teilrechnung',
  '386': 'Abschlagsrechnung',
  '384': 'Stornorechnung',
  '381': 'Gutschrift',
};

/**
 * The bookings of one invoice: per VAT rate the gross amount on the receivable against the revenue
 * account with its tax key (a down payment invoice against the down payment account when set); a
 * final invoice also clears the deducted down payments. Negative amounts (a cancellation) reverse
 * the direction; a credit note (381) with positive amounts is booked as a credit.
 */
export function invoiceBookings(invoice: DatevInvoiceInput, settings: DatevExportSettings, errors: FieldError[], path: string): DatevBooking[] {
  const debtor = invoice.debtorAccount || settings.receivablesAccount;
  const creditNote = invoice.typeCode === '381';
  const base = { account: debtor, documentDate: invoice.issueDate, documentNumber: invoice.number, serviceDate: invoice.serviceDate };
  const bookings: DatevBooking[] = [];
  invoice.vatBreakdown.forEach((row, i) => {
    const gross = row.taxableCents + row.taxCents;
    if (gross === 0) return;
    const revenue = revenueAccountFor(settings, row.vatCategory, row.vatRatePercent);
    if (!revenue) {
      errors.push({ path: `${path}.vatBreakdown[${i}]`, message: `no revenue account configured for VAT category ${row.vatCategory} at ${row.vatRatePercent} %` });
      return;
    }
    const downPayment = invoice.typeCode === '386' && revenue.downPaymentAccount;
    bookings.push({
      ...base,
      amountCents: Math.abs(gross),
      debitCredit: direction(gross, creditNote),
      contraAccount: downPayment ? revenue.downPaymentAccount! : revenue.account,
      taxKey: downPayment ? revenue.downPaymentTaxKey : revenue.taxKey,
      text: `${INVOICE_TEXT[invoice.typeCode]} ${invoice.number} ${invoice.buyerName}`,
    });
  });
  (invoice.downPaymentDeductions ?? []).forEach((deduction, i) => {
    const gross = deduction.netCents + deduction.taxCents;
    if (gross === 0) return;
    const revenue = revenueAccountFor(settings, deduction.vatCategory, deduction.vatRatePercent);
    if (!revenue) {
      errors.push({ path: `${path}.downPaymentDeductions[${i}]`, message: `no revenue account configured for VAT category ${deduction.vatCategory} at ${deduction.vatRatePercent} %` });
      return;
    }
    bookings.push({
      ...base,
      amountCents: Math.abs(gross),
      debitCredit: direction(-gross, creditNote),
      contraAccount: revenue.downPaymentAccount ?? revenue.account,
      taxKey: revenue.downPaymentAccount ? revenue.downPaymentTaxKey : revenue.taxKey,
      text: `Verrechnung Anzahlung ${deduction.invoiceNumber} mit ${invoice.number}`,
    });
  });
  return bookings;
}

/** A payment: the bank (or the method's account) against the receivable; a refund reverses it. */
export function paymentBooking(payment: DatevPaymentInput, settings: DatevExportSettings, debtor: string): DatevBooking {
  return {
    amountCents: Math.abs(payment.amountCents),
    debitCredit: payment.amountCents > 0 ? 'S' : 'H',
    account: settings.paymentAccounts?.[payment.method] ?? settings.bankAccount,
    contraAccount: debtor,
    documentDate: payment.date,
    documentNumber: payment.invoiceNumber,
    text: `Zahlung ${payment.invoiceNumber} ${payment.reference}`.trim(),
  };
}

function checkAccounts(settings: DatevExportSettings, errors: FieldError[]): void {
  const length = settings.accountLength;
  const ledger = new RegExp(`^\\d{${length}}$`);
  const ledgerOrPersonal = new RegExp(`^\\d{${length},${length + 1}}$`);
  const check = (path: string, value: string | undefined, pattern: RegExp, what: string) => {
    if (value !== undefined && !pattern.test(value)) errors.push({ path, message: `must be ${what}` });
  };
  check('settings.receivablesAccount', settings.receivablesAccount, ledgerOrPersonal, `a ${length}-digit account or a ${length + 1}-digit debtor account`);
  check('settings.bankAccount', settings.bankAccount, ledger, `a ${length}-digit account`);
  for (const [method, account] of Object.entries(settings.paymentAccounts ?? {})) check(`settings.paymentAccounts.${method}`, account, ledger, `a ${length}-digit account`);
  settings.revenueAccounts.forEach((r, i) => {
    check(`settings.revenueAccounts[${i}].account`, r.account, ledger, `a ${length}-digit account`);
    check(`settings.revenueAccounts[${i}].downPaymentAccount`, r.downPaymentAccount, ledger, `a ${length}-digit account`);
    check(`settings.revenueAccounts[${i}].taxKey`, r.taxKey, /^\d{1,4}$/, 'a DATEV tax key of up to 4 digits');
    check(`settings.revenueAccounts[${i}].downPaymentTaxKey`, r.downPaymentTaxKey, /^\d{1,4}$/, 'a DATEV tax key of up to 4 digits');
  });
}

/** Every booking of the export, or the list of what makes the export impossible. */
export function datevBookings(input: DatevExportInput): { bookings: DatevBooking[]; errors: FieldError[] } {
  const { settings } = input;
  const errors: FieldError[] = [];
  checkAccounts(settings, errors);
  const personal = new RegExp(`^\\d{${settings.accountLength},${settings.accountLength + 1}}$`);
  const bookings: DatevBooking[] = [];
  const debtorOf = new Map<string, string>();
  input.invoices.forEach((invoice, i) => {
    if (invoice.debtorAccount && !personal.test(invoice.debtorAccount)) errors.push({ path: `invoices[${i}].debtorAccount`, message: 'is not a valid account number' });
    if (invoice.debtorAccount) debtorOf.set(invoice.number, invoice.debtorAccount);
    bookings.push(...invoiceBookings(invoice, settings, errors, `invoices[${i}]`));
  });
  input.payments.forEach((payment, i) => {
    if (!DATE.test(payment.date)) errors.push({ path: `payments[${i}].date`, message: 'must be YYYY-MM-DD' });
    if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents === 0) errors.push({ path: `payments[${i}].amountCents`, message: 'must be a non-zero integer' });
    const debtor = payment.debtorAccount || debtorOf.get(payment.invoiceNumber) || settings.receivablesAccount;
    bookings.push(paymentBooking(payment, settings, debtor));
  });
  bookings.forEach((booking, i) => {
    if (!DOCUMENT_NUMBER.test(booking.documentNumber)) {
      errors.push({ path: `bookings[${i}].documentNumber`, message: `"${booking.documentNumber.slice(0, 40)}" does not fit Belegfeld 1 (up to 36 of A–Z a–z 0–9 $ & % * + - /)` });
    }
    if (booking.amountCents > MAX_AMOUNT_CENTS) errors.push({ path: `bookings[${i}].amountCents`, message: 'exceeds the 10 integer digits of Umsatz' });
    if (booking.documentDate < input.period.from || booking.documentDate > input.period.to) {
      errors.push({ path: `bookings[${i}].documentDate`, message: `${booking.documentDate} (${booking.documentNumber}) lies outside the period ${input.period.from}…${input.period.to}` });
    }
  });
  return { bookings, errors };
}
