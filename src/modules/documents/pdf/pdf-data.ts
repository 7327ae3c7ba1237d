/**
 * The data a PDF is rendered from. Other contexts (finance: quotes, invoices, cancellations) fill
 * these types and call `PdfRenderingService.render`. Money is integer cents, rates basis points
 * (1900 = 19 %), dates ISO `YYYY-MM-DD` (Europe/Berlin calendar dates). Free text is plain text:
 * the templates escape it, it is never interpreted as template code.
 */

export const PDF_KINDS = ['quote', 'invoice', 'cancellation', 'letter', 'document_request', 'appointment_confirmation', 'isfp_cover'] as const;
export type PdfKind = (typeof PDF_KINDS)[number];

export const PDF_LANGUAGES = ['de', 'en'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];

/** Legal text blocks a template carries; the data names which apply. */
export const PDF_LEGAL_NOTES = ['retention', 'vat_zero_rate', 'funding_clause', 'small_business'] as const;
export type PdfLegalNote = (typeof PDF_LEGAL_NOTES)[number];

/** Who a document is addressed to (the DIN 5008 address window). */
export interface PdfRecipient {
  name: string;
  /** A second line: a contact person, "c/o", a department. */
  addition?: string | null;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2; printed only when not DE. */
  countryCode?: string | null;
}

/** The sender's letterhead and footer; when omitted the seeded organisation letterhead is used. */
export interface PdfLetterhead {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  countryCode?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  vatId?: string | null;
  taxNumber?: string | null;
  /** e.g. "Amtsgericht München HRB 123456" */
  register?: string | null;
  managingDirectors?: string | null;
  bank?: { name: string; iban: string; bic?: string | null } | null;
}

/** One position of a quote or invoice, as calculated by the caller (this context does not calculate). */
export interface PdfLine {
  /** "1", "1.2", … */
  position: string;
  description: string;
  /** Decimal quantity as a string ("12.5") so no precision is lost. */
  quantity: string;
  /** "Stk", "m²", "h", "pauschal" */
  unit: string;
  unitPriceCents: number;
  netCents: number;
  vatRateBasisPoints: number;
}

export interface PdfVatTotal {
  rateBasisPoints: number;
  netCents: number;
  vatCents: number;
}

export interface PdfTotals {
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** One row per VAT rate, the VAT computed on the sum of the line nets of that rate. */
  perRate: PdfVatTotal[];
}

interface CommercialPdfData {
  /** The document date; also the PDF's creation date, which keeps rendering deterministic. */
  documentDate: string;
  number: string;
  recipient: PdfRecipient;
  /** Customer number, project reference, … printed in the reference line. */
  customerNumber?: string | null;
  projectReference?: string | null;
  subject?: string | null;
  lines: PdfLine[];
  totals: PdfTotals;
  currency?: 'EUR';
  /** Legal blocks of the template to print (texts live in the template, not in the data). */
  legalNotes: PdfLegalNote[];
  /** Extra free-text notes printed after the legal blocks. */
  notes?: string[];
  letterhead?: PdfLetterhead;
  /** Values a funding clause mentions (programme, application number). */
  funding?: { programme: string; applicationNumber?: string | null } | null;
}

export interface QuotePdfData extends CommercialPdfData {
  validUntil: string;
}

export interface InvoicePdfData extends CommercialPdfData {
  /** Leistungsdatum, or a period. */
  serviceDate?: string | null;
  servicePeriod?: { from: string; to: string } | null;
  dueDate: string;
  quoteNumber?: string | null;
}

export interface CancellationPdfData extends InvoicePdfData {
  cancelledInvoiceNumber: string;
  cancelledInvoiceDate: string;
}

export interface LetterPdfData {
  documentDate: string;
  recipient: PdfRecipient;
  subject: string;
  /** Plain-text paragraphs (blank line = new paragraph). */
  body: string;
  customerNumber?: string | null;
  projectReference?: string | null;
  signatory?: string | null;
  letterhead?: PdfLetterhead;
}

export interface DocumentRequestPdfData {
  documentDate: string;
  recipient: PdfRecipient;
  dueDate: string;
  uploadUrl: string;
  items: { title: string; instructions?: string | null; required: boolean }[];
  letterhead?: PdfLetterhead;
}

export interface AppointmentConfirmationPdfData {
  documentDate: string;
  recipient: PdfRecipient;
  /** ISO date-time with offset, printed in Europe/Berlin. */
  startsAt: string;
  endsAt: string;
  location: string;
  purpose: string;
  consultant?: string | null;
  letterhead?: PdfLetterhead;
}

export interface IsfpCoverPdfData {
  documentDate: string;
  recipient: PdfRecipient;
  buildingAddress: string;
  consultant: string;
  /** Energy consultant's number in the federal expert list (Energieeffizienz-Expertenliste). */
  consultantNumber?: string | null;
  projectReference?: string | null;
  letterhead?: PdfLetterhead;
}

export interface PdfDataByKind {
  quote: QuotePdfData;
  invoice: InvoicePdfData;
  cancellation: CancellationPdfData;
  letter: LetterPdfData;
  document_request: DocumentRequestPdfData;
  appointment_confirmation: AppointmentConfirmationPdfData;
  isfp_cover: IsfpCoverPdfData;
}

/** The records a rendered PDF is attached to as a document. */
export const DOCUMENT_LINK_TYPES = [
  'contact',
  'project',
  'building',
  'component',
  'scenario',
  'quote',
  'invoice',
  'funding_application',
  'appointment',
] as const;
export type DocumentLinkType = (typeof DOCUMENT_LINK_TYPES)[number];

export interface DocumentLinkRef {
  type: DocumentLinkType;
  id: string;
}

export interface PdfRenderRequest<K extends PdfKind = PdfKind> {
  kind: K;
  language: PdfLanguage;
  data: PdfDataByKind[K];
  /** Records the stored document belongs to (e.g. the invoice and its contact). */
  links: DocumentLinkRef[];
  /** LocalizedText title of the document; defaults to kind + number. */
  title?: { de: string; en: string };
  /** Finalised invoices: the file falls under the retention period (§147 AO) from this date. */
  retainUntil?: string | null;
}

export interface PdfRenderResult {
  documentId: string;
  fileId: string;
  /** Hex SHA-256 of the PDF bytes. */
  sha256: string;
  /** The pdf_templates row (one version of one kind + language) used. */
  templateVersionId: string;
  byteSize: number;
}
