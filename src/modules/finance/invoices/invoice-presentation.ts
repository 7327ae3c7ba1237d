import type { CancellationPdfData, InvoicePdfData, PdfLegalNote, PdfLetterhead } from '../../documents';
import type { ProductUnit } from '../shared/finance-enums.schema';
import { ratePercent } from '../shared/amounts.rules';
import { normalizeQuantity } from './invoice.mapper';
import type { Invoice, InvoiceLine, SellerSnapshot } from './invoices.schema';

const UNIT_LABELS: Record<ProductUnit, { de: string; en: string }> = {
  piece: { de: 'Stk', en: 'pc' },
  hour: { de: 'h', en: 'h' },
  m2: { de: 'm²', en: 'm²' },
  m: { de: 'm', en: 'm' },
  kwp: { de: 'kWp', en: 'kWp' },
  flat: { de: 'pauschal', en: 'flat' },
};

export const unitLabel = (unit: ProductUnit, language: 'de' | 'en') => UNIT_LABELS[unit][language];

export function letterheadOf(seller: SellerSnapshot): PdfLetterhead {
  return {
    name: seller.legalName,
    street: seller.street,
    postalCode: seller.postalCode,
    city: seller.city,
    countryCode: seller.countryCode,
    phone: seller.phone,
    email: seller.email,
    website: seller.website,
    vatId: seller.vatId,
    taxNumber: seller.taxNumber,
    register: [seller.registerCourt, seller.registerNumber].filter(Boolean).join(' ') || null,
    managingDirectors: seller.managingDirectors.join(', ') || null,
    bank: seller.iban ? { name: seller.bankName ?? '', iban: seller.iban, bic: seller.bic } : null,
  };
}

const euro = (cents: number, language: 'de' | 'en') =>
  new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The data the invoice (or cancellation) PDF template renders; `original`: the cancelled invoice. */
export function invoicePdfData(invoice: Invoice, lines: readonly InvoiceLine[], original?: Invoice): InvoicePdfData | CancellationPdfData {
  const language = invoice.language;
  const legal: PdfLegalNote[] = invoice.legalNotes.map((n) => n.key).filter((k): k is PdfLegalNote => k === 'retention' || k === 'vat_zero_rate');
  const notes: string[] = [];
  for (const d of invoice.deductions) {
    const perRate = d.perRate.map((r) => `${ratePercent(r.rateBasisPoints)} %: ${euro(r.netCents, language)} + ${euro(r.taxCents, language)}`).join('; ');
    notes.push(language === 'de' ? `Abzüglich Abschlagsrechnung ${d.number} vom ${d.issueDate}: ${euro(d.grossCents, language)} (${perRate})` : `Less down payment invoice ${d.number} of ${d.issueDate}: ${euro(d.grossCents, language)} (${perRate})`);
  }
  if (invoice.deductions.length) notes.push(language === 'de' ? `Verbleibender Zahlbetrag: ${euro(invoice.amountDueCents, language)}` : `Amount remaining due: ${euro(invoice.amountDueCents, language)}`);
  for (const n of invoice.legalNotes) if (n.key === 'vat_exempt') notes.push(n.text);
  if (invoice.cancellationReason && invoice.kind === 'cancellation') notes.push(language === 'de' ? `Grund der Stornierung: ${invoice.cancellationReason}` : `Reason for cancellation: ${invoice.cancellationReason}`);
  if (invoice.paymentTermsText && invoice.kind !== 'cancellation') notes.push(invoice.paymentTermsText[language]);
  if (invoice.notes) notes.push(invoice.notes);
  const data: InvoicePdfData = {
    documentDate: invoice.issueDate!,
    number: invoice.number!,
    recipient: {
      name: invoice.recipientName ?? '',
      addition: invoice.recipientAddition,
      street: invoice.recipientStreet ?? '',
      postalCode: invoice.recipientPostalCode ?? '',
      city: invoice.recipientCity ?? '',
      countryCode: invoice.recipientCountryCode,
    },
    subject: invoice.subject,
    lines: lines.map((l) => ({
      position: String(l.position),
      description: [l.text[language], l.description?.[language]].filter(Boolean).join('\n'),
      quantity: normalizeQuantity(l.quantity),
      unit: unitLabel(l.unit, language),
      unitPriceCents: l.unitPriceCents,
      netCents: l.netCents,
      vatRateBasisPoints: l.vatRateBasisPoints,
    })),
    totals: {
      netCents: invoice.netCents,
      vatCents: invoice.taxCents,
      grossCents: invoice.grossCents,
      perRate: invoice.vatBreakdown.map((r) => ({ rateBasisPoints: r.rateBasisPoints, netCents: r.netCents, vatCents: r.taxCents })),
    },
    currency: 'EUR',
    legalNotes: legal,
    notes,
    letterhead: invoice.seller ? letterheadOf(invoice.seller) : undefined,
    serviceDate: invoice.serviceDate,
    servicePeriod: invoice.servicePeriodStart && invoice.servicePeriodEnd ? { from: invoice.servicePeriodStart, to: invoice.servicePeriodEnd } : null,
    dueDate: invoice.dueDate ?? invoice.issueDate!,
  };
  if (invoice.kind === 'cancellation' && original) return { ...data, cancelledInvoiceNumber: original.number!, cancelledInvoiceDate: original.issueDate! };
  return data;
}
