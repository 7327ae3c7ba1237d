import { AppError } from '@libs/http';
import { EInvoiceService } from './einvoice.service';
import type { InvoiceDocument } from './invoice-document';
import {
  awkwardQuantitiesInvoice,
  cancellationOf,
  creditNote,
  downPaymentInvoice,
  exemptInvoice,
  finalInvoiceWithDownPayment,
  mixedRatesInvoice,
  PV_ZERO_RATE_NOTE,
  standardInvoice,
} from './testing/sample-invoice-documents';
import { EInvoiceValidator } from './validation/einvoice-validator';

// Compiling the official rules takes up to minutes on a cold cache (then cached outside git).
jest.setTimeout(15 * 60_000);

let validator: EInvoiceValidator;
const service = new EInvoiceService();

beforeAll(async () => {
  validator = await EInvoiceValidator.create();
});

const cases: [string, () => InvoiceDocument][] = [
  ['standard 19 %', standardInvoice],
  ['mixed 19 / 7 / 0 % (§12(3) PV, category Z)', mixedRatesInvoice],
  ['awkward quantities with a service period', awkwardQuantitiesInvoice],
  ['down payment invoice (386)', downPaymentInvoice],
  ['final invoice deducting the down payment (BT-113)', finalInvoiceWithDownPayment],
  ['cancellation (384, negated amounts)', () => cancellationOf(standardInvoice())],
  ['cancellation of the mixed-rate invoice', () => cancellationOf(mixedRatesInvoice())],
  ['credit note (381)', creditNote],
  ['tax-exempt line (category E with reason)', exemptInvoice],
];

describe('XRechnung 3.0 CII', () => {
  it.each(cases)('%s passes the CII XSD, EN 16931 and the XRechnung rules', async (_name, build) => {
    const xml = await service.xrechnungCii(build());
    const report = await validator.validate(xml);
    expect(report.xsdErrors).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    // Not even warnings, except BR-DE-17 on the down payment type code (test below).
    expect(report.warnings.filter((id) => id !== 'BR-DE-17')).toEqual([]);
    expect(xml).toContain('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
  });

  it('the only finding on a down payment invoice is the BR-DE-17 warning about type code 386', async () => {
    const report = await validator.validate(await service.xrechnungCii(downPaymentInvoice()));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual(['BR-DE-17']);
  });

  it('puts the buyer reference, type code, prepaid amount and references where EN 16931 expects them', async () => {
    const doc = finalInvoiceWithDownPayment();
    const xml = await service.xrechnungCii(doc);
    expect(xml).toContain('<ram:BuyerReference>PO-4711</ram:BuyerReference>');
    expect(xml).toContain('<ram:TypeCode>380</ram:TypeCode>');
    expect(xml).toMatch(new RegExp(`<ram:TotalPrepaidAmount>${(doc.totals.prepaidCents / 100).toFixed(2)}</ram:TotalPrepaidAmount>`));
    expect(xml).toMatch(new RegExp(`<ram:DuePayableAmount>${(doc.totals.dueCents / 100).toFixed(2)}</ram:DuePayableAmount>`));
    expect(xml).toContain('<ram:IssuerAssignedID>RE-2026-000090</ram:IssuerAssignedID>');
    expect(xml).toContain('<ram:Content>Abzüglich erhaltener Anzahlungen: RE-2026-000090 vom 2026-10-01, 19 %: netto 375,00 EUR, USt 71,25 EUR; RE-2026-000090 vom 2026-10-01, 0 %: netto 1576,80 EUR, USt 0,00 EUR</ram:Content>');
    expect(xml.match(/<ram:IncludedNote>/g)).toHaveLength(2);
  });

  it('books the §12(3) note as an invoice note, not as an exemption reason of category Z (BR-Z-10)', async () => {
    const xml = await service.xrechnungCii(mixedRatesInvoice());
    expect(xml).toContain('<ram:CategoryCode>Z</ram:CategoryCode>');
    expect(xml).toContain(`<ram:Content>${PV_ZERO_RATE_NOTE}</ram:Content>`);
    expect(xml).not.toContain('<ram:ExemptionReason>');
  });

  it('a cancellation references the original and carries negated amounts', async () => {
    const original = standardInvoice();
    const xml = await service.xrechnungCii(cancellationOf(original));
    expect(xml).toContain('<ram:TypeCode>384</ram:TypeCode>');
    expect(xml).toContain(`<ram:IssuerAssignedID>${original.number}</ram:IssuerAssignedID>`);
    expect(xml).toContain(`<ram:GrandTotalAmount>-${(original.totals.grossCents / 100).toFixed(2)}</ram:GrandTotalAmount>`);
    expect(xml).toContain('<ram:BilledQuantity unitCode="HUR">-2.5</ram:BilledQuantity>');
  });
});

describe('the validator rejects broken invoices', () => {
  it('wrong totals fail BR-CO-15 and BR-CO-16', async () => {
    const xml = await service.xrechnungCii(standardInvoice());
    const broken = xml.replace(/<ram:GrandTotalAmount>([\d.]+)<\/ram:GrandTotalAmount>/, (_m, v: string) => `<ram:GrandTotalAmount>${(Number(v) + 1).toFixed(2)}</ram:GrandTotalAmount>`);
    expect(broken).not.toEqual(xml);
    const report = await validator.validate(broken);
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual(expect.arrayContaining(['BR-CO-15', 'BR-CO-16']));
  });

  it('a missing buyer reference fails BR-DE-15', async () => {
    const xml = await service.xrechnungCii(standardInvoice());
    const broken = xml.replace(/\s*<ram:BuyerReference>[^<]*<\/ram:BuyerReference>/, '');
    const report = await validator.validate(broken);
    expect(report.valid).toBe(false);
    expect(report.errors).toContain('BR-DE-15');
  });

  it('an element out of schema order fails the XSD', async () => {
    const xml = await service.xrechnungCii(standardInvoice());
    const broken = xml.replace('<ram:TypeCode>380</ram:TypeCode>', '').replace('</rsm:ExchangedDocument>', '<ram:TypeCode>380</ram:TypeCode></rsm:ExchangedDocument>');
    const report = await validator.validate(broken);
    expect(report.valid).toBe(false);
    expect(report.xsdErrors.length).toBeGreaterThan(0);
  });
});

describe('EInvoiceService refuses incomplete data with a 422 listing the gaps', () => {
  async function problem(doc: InvoiceDocument): Promise<AppError> {
    const error = await service.xrechnungCii(doc).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('missing buyer reference and seller contact', async () => {
    const doc = standardInvoice();
    const error = await problem({ ...doc, buyerReference: ' ', seller: { ...doc.seller, phone: undefined, vatId: undefined, taxNumber: undefined } });
    expect(error.getStatus()).toBe(422);
    expect(error.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['buyerReference', 'seller.phone', 'seller.vatId']));
  });

  it('totals that do not add up', async () => {
    const doc = standardInvoice();
    const error = await problem({ ...doc, totals: { ...doc.totals, grossCents: doc.totals.grossCents + 1 } });
    expect(error.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['totals.grossCents', 'totals.dueCents']));
  });

  it('amounts that are not integer cents', async () => {
    const doc = standardInvoice();
    const error = await problem({ ...doc, totals: { ...doc.totals, taxCents: 282.625 } });
    expect(error.errors).toEqual([{ path: 'totals.taxCents', message: 'must be an integer amount in cents' }]);
  });

  it('a cancellation without the original, a credit note with negative amounts', async () => {
    const cancellation = cancellationOf(standardInvoice());
    expect((await problem({ ...cancellation, precedingInvoices: [] })).errors?.map((e) => e.path)).toContain('precedingInvoices');
    expect((await problem({ ...cancellation, typeCode: '381' })).errors?.map((e) => e.path)).toContain('typeCode');
  });
});
