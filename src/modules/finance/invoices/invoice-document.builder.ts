import { ratePercent } from '../shared/amounts.rules';
import type { ProductUnit } from '../shared/finance-enums.schema';
import type { VatCategory } from '../shared/vat-category';
import type { FinanceSettings } from '../settings/finance-settings.schema';
import type { EInvoiceVatCategory, InvoiceDocument, InvoiceDocumentParty } from '../einvoice/invoice-document';
import { normalizeQuantity } from './invoice.mapper';
import type { Invoice, InvoiceKind, InvoiceLine } from './invoices.schema';

/** UN/ECE Recommendation 20 codes of the units. */
const UNIT_CODES: Record<ProductUnit, string> = { piece: 'H87', hour: 'HUR', m2: 'MTK', m: 'MTR', kwp: 'KWT', flat: 'LS' };

/** EN 16931 VAT category codes: 0 % PV under §12(3) UStG is a zero rate (Z), not an exemption. */
export const VAT_CODES: Record<VatCategory, EInvoiceVatCategory> = { standard: 'S', reduced: 'S', zero_pv: 'Z', exempt: 'E' };

/** UNTDID 1001: 386 prepayment, 326 partial, 380 commercial invoice, 384 corrected (our cancellation). */
const TYPE_CODES: Record<InvoiceKind, InvoiceDocument['typeCode']> = { down_payment: '386', partial: '326', final: '380', standalone: '380', cancellation: '384' };

export interface InvoiceWithLines extends Invoice {
  lines: readonly InvoiceLine[];
}

/**
 * A finalised invoice as the e-invoice and DATEV exports read it (einvoice/invoice-document.ts):
 * the seller as frozen on the invoice at finalisation (the settings only fill what the snapshot
 * lacks), amounts exactly as stored. `original`: the invoice a cancellation reverses.
 */
export function toInvoiceDocument(invoice: InvoiceWithLines, settings: FinanceSettings, original?: Pick<Invoice, 'number' | 'issueDate'>): InvoiceDocument {
  if (invoice.status === 'draft' || !invoice.number || !invoice.issueDate) throw new Error(`invoice ${invoice.id} is not finalised`);
  const language = invoice.language;
  const s = invoice.seller;
  const seller: InvoiceDocumentParty = {
    name: s?.legalName ?? settings.legalName ?? '',
    street: s?.street ?? settings.street ?? '',
    postalCode: s?.postalCode ?? settings.postalCode ?? '',
    city: s?.city ?? settings.city ?? '',
    countryCode: s?.countryCode ?? settings.countryCode ?? 'DE',
    ...optional({
      vatId: s?.vatId ?? settings.vatId,
      taxNumber: s?.taxNumber ?? settings.taxNumber,
      email: s?.email ?? settings.email,
      phone: s?.phone ?? settings.phone,
      contactName: (s?.managingDirectors ?? settings.managingDirectors)[0],
      registration: [s?.registerCourt ?? settings.registerCourt, s?.registerNumber ?? settings.registerNumber].filter(Boolean).join(' ') || undefined,
    }),
  };
  const buyer: InvoiceDocumentParty = {
    name: invoice.recipientName ?? '',
    street: invoice.recipientStreet ?? '',
    postalCode: invoice.recipientPostalCode ?? '',
    city: invoice.recipientCity ?? '',
    countryCode: invoice.recipientCountryCode ?? 'DE',
    ...optional({ vatId: invoice.recipientVatId, contactName: invoice.recipientAddition }),
  };
  const notesByCategory = new Map(invoice.legalNotes.map((n) => [n.key, n.text]));
  const preceding = invoice.kind === 'cancellation' && original?.number && original.issueDate ? [{ number: original.number, issueDate: original.issueDate }] : invoice.deductions.map((d) => ({ number: d.number, issueDate: d.issueDate }));
  const paymentTerms = invoice.paymentTermsText?.[language] ?? (language === 'de' ? `Zahlbar bis ${invoice.dueDate ?? invoice.issueDate} ohne Abzug.` : `Payable by ${invoice.dueDate ?? invoice.issueDate} without deduction.`);
  return {
    number: invoice.number,
    typeCode: TYPE_CODES[invoice.kind],
    issueDate: invoice.issueDate,
    ...optional({
      serviceDate: invoice.serviceDate,
      servicePeriod: invoice.servicePeriodStart && invoice.servicePeriodEnd ? { start: invoice.servicePeriodStart, end: invoice.servicePeriodEnd } : undefined,
      dueDate: invoice.dueDate,
    }),
    currency: 'EUR',
    language,
    buyerReference: invoice.buyerReference ?? invoice.number,
    seller,
    buyer,
    lines: invoice.lines.map((l) => ({
      position: String(l.position),
      name: l.text[language],
      ...optional({ description: l.description?.[language] }),
      quantity: normalizeQuantity(l.quantity),
      unitCode: UNIT_CODES[l.unit],
      unitPriceCents: l.unitPriceCents,
      discountCents: l.discountCents,
      netCents: l.netCents,
      vatCategory: VAT_CODES[l.vatCategory],
      vatRatePercent: ratePercent(l.vatRateBasisPoints),
    })),
    vatBreakdown: invoice.vatBreakdown.map((r) => ({
      vatCategory: VAT_CODES[r.vatCategory],
      vatRatePercent: ratePercent(r.rateBasisPoints),
      taxableCents: r.netCents,
      taxCents: r.taxCents,
      ...optional({ exemptionReason: r.vatCategory === 'exempt' ? (notesByCategory.get('vat_exempt') ?? 'Steuerfreie Leistung') : r.vatCategory === 'zero_pv' ? notesByCategory.get('vat_zero_rate') : undefined }),
    })),
    totals: { lineNetCents: invoice.netCents, taxCents: invoice.taxCents, grossCents: invoice.grossCents, prepaidCents: invoice.prepaidCents, dueCents: invoice.amountDueCents },
    paymentTerms,
    payment: { iban: s?.iban ?? settings.iban ?? '', ...optional({ bic: s?.bic ?? settings.bic }), accountName: s?.legalName ?? settings.legalName ?? '' },
    precedingInvoices: preceding,
    ...(invoice.deductions.length
      ? {
          downPaymentDeductions: invoice.deductions.flatMap((d) =>
            d.perRate.map((r) => ({ invoiceNumber: d.number, issueDate: d.issueDate, vatCategory: VAT_CODES[r.vatCategory], vatRatePercent: ratePercent(r.rateBasisPoints), netCents: r.netCents, taxCents: r.taxCents })),
          ),
        }
      : {}),
    notes: [...invoice.legalNotes.filter((n) => n.key !== 'vat_zero_rate').map((n) => n.text), ...(invoice.cancellationReason ? [invoice.cancellationReason] : []), ...(invoice.notes ? [invoice.notes] : [])],
  };
}

/** The entries whose value is set (the document's optional fields are absent rather than null). */
function optional<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as { [K in keyof T]?: NonNullable<T[K]> };
}
