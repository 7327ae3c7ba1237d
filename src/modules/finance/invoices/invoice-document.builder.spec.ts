import type { FinanceSettings } from '../settings/finance-settings.schema';
import { toInvoiceDocument, InvoiceWithLines } from './invoice-document.builder';

const seller = {
  legalName: 'Renewa Energieberatung GmbH',
  street: 'Sonnenstraße 12',
  postalCode: '80331',
  city: 'München',
  countryCode: 'DE',
  taxNumber: '143/123/45678',
  vatId: 'DE123456789',
  registerCourt: 'Amtsgericht München',
  registerNumber: 'HRB 123456',
  managingDirectors: ['Dr. Anna Beispiel'],
  email: 'rechnung@renewa.example',
  phone: null,
  website: null,
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank',
};

const line = (position: number, over: object) => ({
  id: `l${position}`,
  invoiceId: 'i',
  position,
  productId: null,
  sku: null,
  text: { de: 'Energieberatung', en: 'Energy consultation' },
  description: null,
  quantity: '1.000',
  unit: 'flat',
  unitPriceCents: 165_000,
  discountCents: 0,
  vatCategory: 'standard',
  vatRateBasisPoints: 1900,
  vatRateId: 'v',
  netCents: 165_000,
  createdAt: new Date(),
  ...over,
});

const invoice = {
  id: 'i',
  kind: 'final',
  status: 'finalised',
  number: 'RE-2026-000007',
  language: 'de',
  issueDate: '2026-12-01',
  serviceDate: '2026-11-20',
  servicePeriodStart: null,
  servicePeriodEnd: null,
  dueDate: '2026-12-15',
  buyerReference: null,
  recipientName: 'Wohnbau Müller GmbH',
  recipientAddition: 'Petra Kühn',
  recipientStreet: 'Lindenallee 23',
  recipientPostalCode: '34128',
  recipientCity: 'Kassel',
  recipientCountryCode: 'DE',
  recipientVatId: 'DE987654321',
  seller,
  paymentTermsText: null,
  legalNotes: [{ key: 'vat_zero_rate', text: 'Steuersatz 0 % gemäß § 12 Abs. 3 UStG' }],
  vatBreakdown: [
    { vatCategory: 'standard', rateBasisPoints: 1900, vatRateId: 'v', netCents: 165_000, taxCents: 31_350 },
    { vatCategory: 'zero_pv', rateBasisPoints: 0, vatRateId: 'z', netCents: 1517, taxCents: 0 },
  ],
  deductions: [{ invoiceId: 'd', number: 'RE-2026-000003', issueDate: '2026-10-01', perRate: [{ vatCategory: 'standard', rateBasisPoints: 1900, netCents: 42_017, taxCents: 7_983 }], grossCents: 50_000 }],
  netCents: 166_517,
  taxCents: 31_350,
  grossCents: 197_867,
  prepaidCents: 50_000,
  amountDueCents: 147_867,
  cancellationReason: null,
  notes: null,
  lines: [line(1, {}), line(2, { quantity: '0.333', unit: 'm2', unitPriceCents: 4555, netCents: 1517, vatCategory: 'zero_pv', vatRateBasisPoints: 0 })],
} as unknown as InvoiceWithLines;

describe('toInvoiceDocument', () => {
  it('maps a finalised final invoice onto the export document', () => {
    const doc = toInvoiceDocument(invoice, { managingDirectors: [] } as unknown as FinanceSettings);
    expect(doc).toMatchObject({
      number: 'RE-2026-000007',
      typeCode: '380',
      issueDate: '2026-12-01',
      serviceDate: '2026-11-20',
      dueDate: '2026-12-15',
      currency: 'EUR',
      buyerReference: 'RE-2026-000007',
      seller: { name: 'Renewa Energieberatung GmbH', vatId: 'DE123456789', taxNumber: '143/123/45678', registration: 'Amtsgericht München HRB 123456', contactName: 'Dr. Anna Beispiel' },
      buyer: { name: 'Wohnbau Müller GmbH', vatId: 'DE987654321', city: 'Kassel', contactName: 'Petra Kühn' },
      totals: { lineNetCents: 166_517, taxCents: 31_350, grossCents: 197_867, prepaidCents: 50_000, dueCents: 147_867 },
      payment: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', accountName: 'Renewa Energieberatung GmbH' },
      precedingInvoices: [{ number: 'RE-2026-000003', issueDate: '2026-10-01' }],
    });
    expect(doc.lines.map((l) => [l.quantity, l.unitCode, l.vatCategory, l.vatRatePercent, l.netCents])).toEqual([
      ['1', 'LS', 'S', '19', 165_000],
      ['0.333', 'MTK', 'Z', '0', 1517],
    ]);
    expect(doc.vatBreakdown).toEqual([
      { vatCategory: 'S', vatRatePercent: '19', taxableCents: 165_000, taxCents: 31_350 },
      { vatCategory: 'Z', vatRatePercent: '0', taxableCents: 1517, taxCents: 0, exemptionReason: 'Steuersatz 0 % gemäß § 12 Abs. 3 UStG' },
    ]);
    expect(doc.downPaymentDeductions).toEqual([{ invoiceNumber: 'RE-2026-000003', issueDate: '2026-10-01', vatCategory: 'S', vatRatePercent: '19', netCents: 42_017, taxCents: 7_983 }]);
    expect(doc.paymentTerms).toContain('2026-12-15');
  });

  it('types a cancellation as corrected invoice referring to the original, and refuses drafts', () => {
    const storno = { ...invoice, kind: 'cancellation', number: 'ST-2026-000001', deductions: [] } as unknown as InvoiceWithLines;
    const doc = toInvoiceDocument(storno, {} as FinanceSettings, { number: 'RE-2026-000007', issueDate: '2026-12-01' });
    expect(doc.typeCode).toBe('384');
    expect(doc.precedingInvoices).toEqual([{ number: 'RE-2026-000007', issueDate: '2026-12-01' }]);
    expect(() => toInvoiceDocument({ ...invoice, status: 'draft' } as unknown as InvoiceWithLines, {} as FinanceSettings)).toThrow(/not finalised/);
  });
});
