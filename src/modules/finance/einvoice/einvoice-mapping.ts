import type { Invoice } from '@e-invoice-eu/core';
import { centsToAmount } from './einvoice-data.rules';
import type { InvoiceDocument, InvoiceDocumentLine, InvoiceDocumentParty, InvoiceDocumentVatBreakdown } from './invoice-document';

type UblInvoice = Invoice['ubl:Invoice'];
type Party = UblInvoice['cac:AccountingSupplierParty']['cac:Party'];

const EUR = 'EUR' as const;
/** UNTDID 4461: 58 = SEPA credit transfer. */
const SEPA_CREDIT_TRANSFER = '58';
/** UNTDID 5189: 95 = discount. */
const DISCOUNT_REASON_CODE = '95';

const DISCOUNT_TEXT = { de: 'Rabatt', en: 'Discount' } as const;
const DOWN_PAYMENT_NOTE = {
  de: { intro: 'Abzüglich erhaltener Anzahlungen', of: 'vom', net: 'netto', vat: 'USt', decimal: ',' },
  en: { intro: 'Less down payments received', of: 'of', net: 'net', vat: 'VAT', decimal: '.' },
} as const;

function address(party: InvoiceDocumentParty) {
  return {
    'cbc:StreetName': party.street,
    'cbc:CityName': party.city,
    'cbc:PostalZone': party.postalCode,
    'cac:Country': { 'cbc:IdentificationCode': party.countryCode },
  } as Party['cac:PostalAddress'];
}

function seller(party: InvoiceDocumentParty): Party {
  const taxSchemes: { 'cbc:CompanyID': string; 'cac:TaxScheme': { 'cbc:ID': string } }[] = [];
  if (party.vatId) taxSchemes.push({ 'cbc:CompanyID': party.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } });
  // BT-32 seller tax registration (Steuernummer): scheme "FC" in CII.
  if (party.taxNumber) taxSchemes.push({ 'cbc:CompanyID': party.taxNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } });
  return {
    ...(party.email ? { 'cbc:EndpointID': party.email, 'cbc:EndpointID@schemeID': 'EM' } : {}),
    'cac:PostalAddress': address(party),
    'cac:PartyTaxScheme': taxSchemes as Party['cac:PartyTaxScheme'],
    'cac:PartyLegalEntity': {
      'cbc:RegistrationName': party.name,
      ...(party.registration ? { 'cbc:CompanyLegalForm': party.registration } : {}),
    },
    // BR-DE-2/5: a seller contact with a name; without a named person the company is the contact point.
    'cac:Contact': {
      'cbc:Name': party.contactName?.trim() || party.name,
      ...(party.phone ? { 'cbc:Telephone': party.phone } : {}),
      ...(party.email ? { 'cbc:ElectronicMail': party.email } : {}),
    },
  } as Party;
}

function buyer(party: InvoiceDocumentParty): UblInvoice['cac:AccountingCustomerParty']['cac:Party'] {
  return {
    ...(party.email ? { 'cbc:EndpointID': party.email, 'cbc:EndpointID@schemeID': 'EM' } : {}),
    'cac:PostalAddress': address(party),
    ...(party.vatId ? { 'cac:PartyTaxScheme': { 'cbc:CompanyID': party.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } } : {}),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': party.name },
    ...(party.contactName || party.phone
      ? {
          'cac:Contact': {
            ...(party.contactName ? { 'cbc:Name': party.contactName } : {}),
            ...(party.phone ? { 'cbc:Telephone': party.phone } : {}),
            ...(party.email ? { 'cbc:ElectronicMail': party.email } : {}),
          },
        }
      : {}),
  } as UblInvoice['cac:AccountingCustomerParty']['cac:Party'];
}

/** Category Z (§12(3) UStG, zero rate) must not carry an exemption reason (BR-Z-10); E/AE/O must (BR-E-10). */
function carriesExemptionReason(row: InvoiceDocumentVatBreakdown): boolean {
  return row.vatCategory !== 'S' && row.vatCategory !== 'Z' && !!row.exemptionReason;
}

function taxCategory(category: string, ratePercent: string) {
  // BR-O-05: "not subject to VAT" carries no rate.
  return { 'cbc:ID': category, ...(category === 'O' ? {} : { 'cbc:Percent': ratePercent }), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } };
}

function line(doc: InvoiceDocument, item: InvoiceDocumentLine) {
  const withCurrency = (key: string, cents: number) => ({ [key]: centsToAmount(cents), [`${key}@currencyID`]: EUR });
  return {
    'cbc:ID': item.position,
    'cbc:InvoicedQuantity': item.quantity,
    'cbc:InvoicedQuantity@unitCode': item.unitCode,
    ...withCurrency('cbc:LineExtensionAmount', item.netCents),
    ...(item.discountCents !== 0
      ? {
          'cac:AllowanceCharge': [
            {
              'cbc:ChargeIndicator': 'false',
              'cbc:AllowanceChargeReasonCode': DISCOUNT_REASON_CODE,
              'cbc:AllowanceChargeReason': DISCOUNT_TEXT[doc.language],
              ...withCurrency('cbc:Amount', item.discountCents),
            },
          ],
        }
      : {}),
    'cac:Item': {
      ...(item.description ? { 'cbc:Description': item.description } : {}),
      'cbc:Name': item.name,
      'cac:ClassifiedTaxCategory': taxCategory(item.vatCategory, item.vatRatePercent),
    },
    'cac:Price': withCurrency('cbc:PriceAmount', item.unitPriceCents),
  };
}

function notes(doc: InvoiceDocument): string[] {
  const result = [...doc.notes];
  // The §12(3) note of zero-rated lines may not go into the breakdown (BR-Z-10): it becomes an invoice note.
  for (const row of doc.vatBreakdown) {
    if (row.vatCategory === 'Z' && row.exemptionReason && !result.includes(row.exemptionReason)) result.push(row.exemptionReason);
  }
  if (doc.downPaymentDeductions?.length) {
    const t = DOWN_PAYMENT_NOTE[doc.language];
    const money = (cents: number) => `${centsToAmount(cents).replace('.', t.decimal)} ${EUR}`;
    const list = doc.downPaymentDeductions
      .map((d) => `${d.invoiceNumber} ${t.of} ${d.issueDate}, ${d.vatRatePercent} %: ${t.net} ${money(d.netCents)}, ${t.vat} ${money(d.taxCents)}`)
      .join('; ');
    result.push(`${t.intro}: ${list}`);
  }
  return result;
}

/**
 * The library's input (UBL-shaped JSON, rendered by it as CII) for one invoice document. Amounts
 * are passed as computed by the invoices service: the exporter never recomputes totals, so the
 * validators check the service's arithmetic (BR-CO-10…16).
 */
export function toEInvoiceInput(doc: InvoiceDocument): Invoice {
  const invoiceNotes = notes(doc);
  const money = (key: string, cents: number) => ({ [key]: centsToAmount(cents), [`${key}@currencyID`]: EUR });
  const ubl = {
    'cbc:ID': doc.number,
    'cbc:IssueDate': doc.issueDate,
    ...(doc.dueDate ? { 'cbc:DueDate': doc.dueDate } : {}),
    'cbc:InvoiceTypeCode': doc.typeCode,
    ...(invoiceNotes.length ? { 'cbc:Note': invoiceNotes } : {}),
    'cbc:DocumentCurrencyCode': doc.currency,
    'cbc:BuyerReference': doc.buyerReference,
    ...(doc.servicePeriod ? { 'cac:InvoicePeriod': { 'cbc:StartDate': doc.servicePeriod.start, 'cbc:EndDate': doc.servicePeriod.end } } : {}),
    // BG-3 (preceding invoice) is written by fixCii: see cii-fixups.ts.
    'cac:AccountingSupplierParty': { 'cac:Party': seller(doc.seller) },
    'cac:AccountingCustomerParty': { 'cac:Party': buyer(doc.buyer) },
    ...(doc.serviceDate ? { 'cac:Delivery': { 'cbc:ActualDeliveryDate': doc.serviceDate } } : {}),
    'cac:PaymentMeans': [
      {
        'cbc:PaymentMeansCode': SEPA_CREDIT_TRANSFER,
        'cbc:PaymentID': doc.number,
        'cac:PayeeFinancialAccount': {
          'cbc:ID': doc.payment.iban.replace(/\s+/g, ''),
          'cbc:Name': doc.payment.accountName,
          ...(doc.payment.bic ? { 'cac:FinancialInstitutionBranch': { 'cbc:ID': doc.payment.bic } } : {}),
        },
      },
    ],
    'cac:PaymentTerms': { 'cbc:Note': doc.paymentTerms },
    'cac:TaxTotal': [
      {
        ...money('cbc:TaxAmount', doc.totals.taxCents),
        'cac:TaxSubtotal': doc.vatBreakdown.map((row) => ({
          ...money('cbc:TaxableAmount', row.taxableCents),
          ...money('cbc:TaxAmount', row.taxCents),
          'cac:TaxCategory': {
            ...taxCategory(row.vatCategory, row.vatRatePercent),
            ...(carriesExemptionReason(row) ? { 'cbc:TaxExemptionReason': row.exemptionReason } : {}),
          },
        })),
      },
    ],
    'cac:LegalMonetaryTotal': {
      ...money('cbc:LineExtensionAmount', doc.totals.lineNetCents),
      ...money('cbc:TaxExclusiveAmount', doc.totals.lineNetCents),
      ...money('cbc:TaxInclusiveAmount', doc.totals.grossCents),
      ...(doc.totals.prepaidCents !== 0 ? money('cbc:PrepaidAmount', doc.totals.prepaidCents) : {}),
      ...money('cbc:PayableAmount', doc.totals.dueCents),
    },
    'cac:InvoiceLine': doc.lines.map((item) => line(doc, item)),
  };
  return { 'ubl:Invoice': ubl } as unknown as Invoice;
}
