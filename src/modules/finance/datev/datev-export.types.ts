import type { EInvoiceVatCategory, InvoiceDocument } from '../einvoice/invoice-document';

export type DatevChart = 'SKR03' | 'SKR04';

/**
 * The revenue account (Erlöskonto) of one VAT category and rate, and the DATEV tax key
 * (BU-Schlüssel) to book it with. Leave `taxKey` empty for an automatic account (the account
 * itself implies the VAT), as most SKR03/SKR04 revenue accounts are.
 */
export interface DatevRevenueAccount {
  vatCategory: EInvoiceVatCategory;
  /** Decimal string as on the invoice, e.g. "19", "7", "0". */
  vatRatePercent: string;
  account: string;
  taxKey?: string;
  /** Received down payments (erhaltene Anzahlungen) of this rate; down payment invoices book here when set. */
  downPaymentAccount?: string;
  downPaymentTaxKey?: string;
}

/**
 * The organisation's DATEV settings (owned and stored by the finance settings; account numbers
 * are the accountant's choice within the chart, never constants in code).
 */
export interface DatevExportSettings {
  /** Beraternummer, 1001–9999999. */
  consultantNumber: number;
  /** Mandantennummer, 1–99999. */
  clientNumber: number;
  /** First day of every fiscal year as `MM-DD`, e.g. `01-01`. */
  fiscalYearStart: string;
  /** Sachkontenlänge, 4–8; debtor (personal) accounts have one digit more. */
  accountLength: number;
  chart: DatevChart;
  revenueAccounts: DatevRevenueAccount[];
  /** Receivables: a collective account (Sachkonto) or a default debtor account (Personenkonto). */
  receivablesAccount: string;
  /** Bank account the payments are booked on unless `paymentAccounts` names one for the method. */
  bankAccount: string;
  paymentAccounts?: Record<string, string>;
  /** Diktatkürzel (up to 2 characters) and the user named as exporter. */
  dictationCode?: string;
  exportedBy?: string;
  /** Festschreibung: mark the batch as locked on import (default: not locked, the accountant reviews). */
  lockBookings?: boolean;
}

/** What the export needs of one finalised invoice (see `datevInvoiceFromDocument`). */
export interface DatevInvoiceInput {
  number: string;
  typeCode: InvoiceDocument['typeCode'];
  issueDate: string;
  serviceDate?: string;
  buyerName: string;
  /** The customer's debtor account (Personenkonto) if the accountant keeps one; else the receivables account. */
  debtorAccount?: string;
  vatBreakdown: InvoiceDocument['vatBreakdown'];
  downPaymentDeductions?: InvoiceDocument['downPaymentDeductions'];
}

export interface DatevPaymentInput {
  invoiceNumber: string;
  /** `YYYY-MM-DD` (Europe/Berlin calendar date). */
  date: string;
  /** Positive for money received, negative for a refund. */
  amountCents: number;
  method: string;
  reference: string;
  debtorAccount?: string;
}

export interface DatevExportInput {
  settings: DatevExportSettings;
  /** The booking period (Datum vom / bis), inside one fiscal year. */
  period: { from: string; to: string };
  invoices: DatevInvoiceInput[];
  payments: DatevPaymentInput[];
  /** Bezeichnung of the batch (up to 30 characters). */
  description?: string;
  /** "Erzeugt am" of the header; defaults to now. */
  createdAt?: Date;
}

export function datevInvoiceFromDocument(doc: InvoiceDocument, debtorAccount?: string): DatevInvoiceInput {
  return {
    number: doc.number,
    typeCode: doc.typeCode,
    issueDate: doc.issueDate,
    serviceDate: doc.serviceDate ?? doc.servicePeriod?.end,
    buyerName: doc.buyer.name,
    ...(debtorAccount ? { debtorAccount } : {}),
    vatBreakdown: doc.vatBreakdown,
    ...(doc.downPaymentDeductions ? { downPaymentDeductions: doc.downPaymentDeductions } : {}),
  };
}
