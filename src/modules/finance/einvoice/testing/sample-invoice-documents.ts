import Decimal from 'decimal.js';
import type { EInvoiceVatCategory, InvoiceDocument, InvoiceDocumentLine, InvoiceDocumentVatBreakdown } from '../invoice-document';

/**
 * Invoice documents for tests (here and in the invoices service's tests): computed the way
 * EN 16931 computes (line net rounded half-up to cents, VAT per rate on the sum of line nets).
 */
export const PV_ZERO_RATE_NOTE = 'Nullsteuersatz nach § 12 Abs. 3 UStG (Lieferung und Installation einer Photovoltaikanlage).';

type LineInput = Omit<InvoiceDocumentLine, 'netCents' | 'discountCents' | 'position'> & { discountCents?: number };

export function sampleLine(input: LineInput, position: number): InvoiceDocumentLine {
  const discountCents = input.discountCents ?? 0;
  const gross = new Decimal(input.quantity).times(input.unitPriceCents).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return { ...input, position: String(position), discountCents, netCents: gross - discountCents };
}

export function vatBreakdownOf(lines: InvoiceDocumentLine[], reasons: Partial<Record<EInvoiceVatCategory, string>> = {}): InvoiceDocumentVatBreakdown[] {
  const groups = new Map<string, InvoiceDocumentVatBreakdown>();
  for (const line of lines) {
    const key = `${line.vatCategory}/${line.vatRatePercent}`;
    const row = groups.get(key) ?? { vatCategory: line.vatCategory, vatRatePercent: line.vatRatePercent, taxableCents: 0, taxCents: 0 };
    row.taxableCents += line.netCents;
    groups.set(key, row);
  }
  return [...groups.values()].map((row) => {
    const tax = new Decimal(row.taxableCents).times(row.vatRatePercent).dividedBy(100);
    // Half-up away from zero, also for the negated amounts of a cancellation.
    const taxCents = tax.isNegative() ? -tax.abs().toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : tax.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    const reason = reasons[row.vatCategory];
    return { ...row, taxCents, ...(reason ? { exemptionReason: reason } : {}) };
  });
}

const seller = {
  name: 'Renewa Energieberatung GmbH',
  street: 'Friedrichstraße 12',
  postalCode: '10117',
  city: 'Berlin',
  countryCode: 'DE',
  vatId: 'DE123456789',
  taxNumber: '30/123/45678',
  email: 'rechnung@renewa.example',
  phone: '+49 30 1234567',
  contactName: 'Anna Buchhalter',
  registration: 'Amtsgericht Charlottenburg HRB 123456 B',
};

const buyer = {
  name: 'Wohnungsbau Müller & Söhne KG',
  street: 'Königsallee 5',
  postalCode: '40212',
  city: 'Düsseldorf',
  countryCode: 'DE',
  vatId: 'DE987654321',
  email: 'einkauf@mueller-bau.example',
};

export function sampleInvoice(lines: LineInput[], overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const built = lines.map((line, i) => sampleLine(line, i + 1));
  const vatBreakdown = overrides.vatBreakdown ?? vatBreakdownOf(built, { Z: PV_ZERO_RATE_NOTE, E: 'Steuerfrei nach § 4 Nr. 8 UStG' });
  const lineNetCents = built.reduce((sum, l) => sum + l.netCents, 0);
  const taxCents = vatBreakdown.reduce((sum, r) => sum + r.taxCents, 0);
  const prepaidCents = overrides.totals?.prepaidCents ?? 0;
  return {
    number: 'RE-2026-000101',
    typeCode: '380',
    issueDate: '2026-11-30',
    serviceDate: '2026-11-20',
    currency: 'EUR',
    language: 'de',
    buyerReference: 'PO-4711',
    seller,
    buyer,
    lines: built,
    vatBreakdown,
    totals: { lineNetCents, taxCents, grossCents: lineNetCents + taxCents, prepaidCents, dueCents: lineNetCents + taxCents - prepaidCents },
    dueDate: '2026-12-14',
    paymentTerms: 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
    payment: { iban: 'DE02 1203 0000 0000 2020 51', bic: 'BYLADEM1001', accountName: 'Renewa Energieberatung GmbH' },
    precedingInvoices: [],
    notes: [],
    ...overrides,
  };
}

const consulting: LineInput = { name: 'Energieberatung Wohngebäude (iSFP)', quantity: '1', unitCode: 'LS', unitPriceCents: 125000, vatCategory: 'S', vatRatePercent: '19' };
const siteHours: LineInput = { name: 'Baubegleitung', description: 'Vor-Ort-Termine', quantity: '2.5', unitCode: 'HUR', unitPriceCents: 9500, vatCategory: 'S', vatRatePercent: '19' };

export const standardInvoice = (): InvoiceDocument => sampleInvoice([consulting, siteHours]);

export const mixedRatesInvoice = (): InvoiceDocument =>
  sampleInvoice(
    [
      consulting,
      { name: 'Fachbuch Sanierung', quantity: '2', unitCode: 'H87', unitPriceCents: 2990, vatCategory: 'S', vatRatePercent: '7' },
      { name: 'PV-Modul 430 Wp inkl. Montage', quantity: '24', unitCode: 'H87', unitPriceCents: 21900, vatCategory: 'Z', vatRatePercent: '0' },
      { name: 'Batteriespeicher 10 kWh', quantity: '1', unitCode: 'H87', unitPriceCents: 649000, vatCategory: 'Z', vatRatePercent: '0', discountCents: 25000 },
    ],
    { number: 'RE-2026-000102' },
  );

export const awkwardQuantitiesInvoice = (): InvoiceDocument =>
  sampleInvoice(
    [
      { name: 'Dämmung Kellerdecke', quantity: '0.333', unitCode: 'MTK', unitPriceCents: 4711, vatCategory: 'S', vatRatePercent: '19' },
      { name: 'Luftdichtheitsmessung', quantity: '2.125', unitCode: 'HUR', unitPriceCents: 8990, vatCategory: 'S', vatRatePercent: '19', discountCents: 1999 },
      { name: 'Randdämmstreifen', quantity: '12.005', unitCode: 'MTR', unitPriceCents: 333, vatCategory: 'S', vatRatePercent: '7' },
    ],
    { number: 'RE-2026-000103', serviceDate: undefined, servicePeriod: { start: '2026-11-02', end: '2026-11-27' } },
  );

/** A down payment invoice over 30 % of the PV installation and the consulting fee. */
export const downPaymentInvoice = (): InvoiceDocument =>
  sampleInvoice(
    [
      { name: 'Abschlag 30 % Energieberatung', quantity: '1', unitCode: 'LS', unitPriceCents: 37500, vatCategory: 'S', vatRatePercent: '19' },
      { name: 'Abschlag 30 % PV-Anlage', quantity: '1', unitCode: 'LS', unitPriceCents: 157680, vatCategory: 'Z', vatRatePercent: '0' },
    ],
    { number: 'RE-2026-000090', typeCode: '386', issueDate: '2026-10-01', serviceDate: '2026-10-01', dueDate: '2026-10-15' },
  );

/** The final invoice over everything, deducting the down payment received (BT-113, listed per rate). */
export function finalInvoiceWithDownPayment(): InvoiceDocument {
  const downPayment = downPaymentInvoice();
  const base = sampleInvoice(
    [consulting, { name: 'PV-Anlage 10,32 kWp inkl. Montage', quantity: '1', unitCode: 'LS', unitPriceCents: 525600, vatCategory: 'Z', vatRatePercent: '0' }],
    { number: 'RE-2026-000110', issueDate: '2026-12-01', serviceDate: '2026-11-28', dueDate: '2026-12-15' },
  );
  const prepaidCents = downPayment.totals.grossCents;
  return {
    ...base,
    totals: { ...base.totals, prepaidCents, dueCents: base.totals.grossCents - prepaidCents },
    precedingInvoices: [{ number: downPayment.number, issueDate: downPayment.issueDate }],
    downPaymentDeductions: downPayment.vatBreakdown.map((row) => ({
      invoiceNumber: downPayment.number,
      issueDate: downPayment.issueDate,
      vatCategory: row.vatCategory,
      vatRatePercent: row.vatRatePercent,
      netCents: row.taxableCents,
      taxCents: row.taxCents,
    })),
  };
}

/** A Storno of the standard invoice: own number, references the original, negated quantities and amounts. */
export function cancellationOf(original: InvoiceDocument, number = 'RE-2026-000120'): InvoiceDocument {
  const lines = original.lines.map((line) => ({
    ...line,
    quantity: line.quantity.startsWith('-') ? line.quantity.slice(1) : `-${line.quantity}`,
    discountCents: -line.discountCents,
    netCents: -line.netCents,
  }));
  const neg = (n: number) => (n === 0 ? 0 : -n);
  return {
    ...original,
    number,
    typeCode: '384',
    issueDate: '2026-12-02',
    lines,
    vatBreakdown: original.vatBreakdown.map((row) => ({ ...row, taxableCents: neg(row.taxableCents), taxCents: neg(row.taxCents) })),
    totals: {
      lineNetCents: neg(original.totals.lineNetCents),
      taxCents: neg(original.totals.taxCents),
      grossCents: neg(original.totals.grossCents),
      prepaidCents: neg(original.totals.prepaidCents),
      dueCents: neg(original.totals.dueCents),
    },
    precedingInvoices: [{ number: original.number, issueDate: original.issueDate }],
    notes: [`Stornorechnung zu Rechnung ${original.number} vom ${original.issueDate}.`],
  };
}

/** A credit note (381): positive amounts, the type code carries the sign. */
export const creditNote = (): InvoiceDocument =>
  sampleInvoice([{ name: 'Gutschrift Minderleistung Baubegleitung', quantity: '1', unitCode: 'HUR', unitPriceCents: 9500, vatCategory: 'S', vatRatePercent: '19' }], {
    number: 'RE-2026-000130',
    typeCode: '381',
    precedingInvoices: [{ number: 'RE-2026-000101', issueDate: '2026-11-30' }],
  });

/** A tax-exempt line (category E needs its exemption reason in the breakdown). */
export const exemptInvoice = (): InvoiceDocument =>
  sampleInvoice([consulting, { name: 'Vermietung Messgerät', quantity: '3', unitCode: 'DAY', unitPriceCents: 4500, vatCategory: 'E', vatRatePercent: '0' }], {
    number: 'RE-2026-000140',
  });
