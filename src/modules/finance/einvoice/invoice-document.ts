/**
 * The finance context's view of one finalised invoice, as the e-invoice (XRechnung / Factur-X)
 * and DATEV exports need it. The invoices service builds it from a finalised invoice and the
 * organisation settings; the exporters only read it. Money in integer cents, dates as
 * `YYYY-MM-DD` (the invoice's calendar dates in Europe/Berlin), quantities as decimal strings.
 */
export type EInvoiceVatCategory = 'S' | 'Z' | 'E' | 'AE' | 'O';

export interface InvoiceDocumentParty {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  countryCode: string; // ISO 3166-1 alpha-2
  vatId?: string;
  taxNumber?: string;
  email?: string;
  phone?: string;
  contactName?: string;
  /** Register court and number (seller only). */
  registration?: string;
}

export interface InvoiceDocumentLine {
  position: string;
  name: string;
  description?: string;
  /** Decimal string with up to 3 decimals, e.g. "0.333"; negative on a cancellation. */
  quantity: string;
  /** UN/ECE Recommendation 20 code: H87 piece, HUR hour, MTK m², MTR metre, KWT kW, LS flat. */
  unitCode: string;
  unitPriceCents: number;
  discountCents: number;
  /** quantity × unit price − discount, rounded half-up to cents. */
  netCents: number;
  vatCategory: EInvoiceVatCategory;
  /** Decimal string, e.g. "19", "7", "0". */
  vatRatePercent: string;
}

export interface InvoiceDocumentVatBreakdown {
  vatCategory: EInvoiceVatCategory;
  vatRatePercent: string;
  taxableCents: number;
  taxCents: number;
  /** Required for categories E, AE, O, Z where a legal note applies (e.g. §12(3) UStG). */
  exemptionReason?: string;
}

/** One down payment deducted on a final invoice, per VAT rate (a down payment over two rates gives two entries). */
export interface InvoiceDocumentDownPayment {
  invoiceNumber: string;
  issueDate: string;
  vatCategory: EInvoiceVatCategory;
  vatRatePercent: string;
  netCents: number;
  taxCents: number;
}

export interface InvoiceDocument {
  number: string;
  /** 380 invoice, 326 partial invoice, 386 prepayment (down payment) invoice, 384 corrected/cancellation. */
  typeCode: '380' | '326' | '386' | '384' | '381';
  issueDate: string;
  serviceDate?: string;
  servicePeriod?: { start: string; end: string };
  currency: 'EUR';
  language: 'de' | 'en';
  /** Leitweg-ID of a public buyer, or the buyer's own reference; XRechnung requires one (BR-DE-15). */
  buyerReference: string;
  seller: InvoiceDocumentParty;
  buyer: InvoiceDocumentParty;
  lines: InvoiceDocumentLine[];
  vatBreakdown: InvoiceDocumentVatBreakdown[];
  totals: {
    lineNetCents: number;
    taxCents: number;
    grossCents: number;
    /** Down payments already received and deducted (final invoice). */
    prepaidCents: number;
    dueCents: number;
  };
  dueDate?: string;
  paymentTerms: string;
  payment: { iban: string; bic?: string; accountName: string };
  /** The invoice a cancellation or final invoice refers to. */
  precedingInvoices: { number: string; issueDate: string }[];
  notes: string[];
  /**
   * Final invoice: the down payments deducted (their gross sum is `totals.prepaidCents`). Optional;
   * when present the e-invoice lists them in a note and the DATEV export books their clearing.
   */
  downPaymentDeductions?: InvoiceDocumentDownPayment[];
}
