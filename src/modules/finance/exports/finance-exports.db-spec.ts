import { decode } from 'iconv-lite';
import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { EInvoiceValidator } from '../einvoice/validation';
import { financePermissions } from '../finance.permissions';
import { InvoiceCancellationService } from '../invoices/invoice-cancellation.service';
import { InvoiceFinalisationService } from '../invoices/invoice-finalisation.service';
import { InvoicesService } from '../invoices/invoices.service';
import { PaymentsService } from '../payments/payments.service';
import { completeSettings, consultationLine, insertContact } from '../testing/finance-fixtures';
import { FinanceExportsService } from './finance-exports.service';

// Compiling the official Schematron rules may take minutes on a cold cache.
jest.setTimeout(15 * 60_000);

describe('finance exports: XRechnung, Factur-X, DATEV (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({ permissions: [...financePermissions.keys, 'crm.contacts:read', 'crm.companies:read', 'projects.projects:read'], users: { frida: { department: 'accounting', roles: ['accountant'] } } });
  const invoices = lazyProvider(ctx, InvoicesService);
  const finalisation = lazyProvider(ctx, InvoiceFinalisationService);
  const cancellation = lazyProvider(ctx, InvoiceCancellationService);
  const payments = lazyProvider(ctx, PaymentsService);
  const exports = lazyProvider(ctx, FinanceExportsService);
  const asFrida = <T>(fn: () => Promise<T>) => ctx.as(ctx.users.frida, 'all', fn);
  let validator: EInvoiceValidator;

  beforeAll(async () => {
    await completeSettings(ctx.admin);
    validator = await EInvoiceValidator.create();
  });

  async function b2bInvoice() {
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const draft = await asFrida(() =>
      invoices.create({
        kind: 'standalone',
        contactId,
        recipient: { name: 'Wohnbau Müller GmbH', addition: 'Petra Kühn', address: { street: 'Lindenallee 23', postalCode: '34128', city: 'Kassel', countryCode: 'DE' }, vatId: 'DE987654321' },
        recipientIsBusiness: true,
        buyerReference: 'WM-2026-17',
        serviceDate: '2026-11-20',
        lines: [
          consultationLine,
          { text: { de: 'Dämmung Kellerdecke', en: 'Basement ceiling insulation' }, quantity: '0.333', unit: 'm2', unitPriceCents: 4555, discountCents: 10, vatCategory: 'reduced' },
          { text: { de: 'PV-Modul', en: 'PV module' }, quantity: '12', unit: 'piece', unitPriceCents: 18_990, vatCategory: 'zero_pv' },
        ],
      }),
    );
    return asFrida(() => finalisation.finalize(draft.id, undefined));
  }

  it('exports a B2B invoice as XRechnung that the official XSD, EN 16931 and XRechnung rules accept', async () => {
    const invoice = await b2bInvoice();
    const file = await asFrida(() => exports.xrechnung(invoice.id));
    const xml = file.bytes.toString('utf8');
    expect(xml).toContain(invoice.number);
    const report = await validator.validate(xml);
    expect(report.xsdErrors).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('exports its cancellation as XRechnung (384, negated, referencing the original), also valid', async () => {
    const invoice = await b2bInvoice();
    const storno = await asFrida(() => cancellation.cancel(invoice.id, undefined, 'Betrag fehlerhaft'));
    const xml = (await asFrida(() => exports.xrechnung(storno.id))).bytes.toString('utf8');
    const exchangedDocument = xml.match(/<rsm:ExchangedDocument>([\s\S]*?)<\/rsm:ExchangedDocument>/)?.[1];
    expect(exchangedDocument).toContain(`<ram:ID>${storno.number}</ram:ID>`);
    expect(exchangedDocument).toContain('<ram:TypeCode>384</ram:TypeCode>');
    expect(xml).toContain(invoice.number);
    const report = await validator.validate(xml);
    expect(report.errors).toEqual([]);
  });

  it('embeds the XML into the invoice PDF as Factur-X (PDF/A-3)', async () => {
    const invoice = await b2bInvoice();
    const file = await asFrida(() => exports.facturX(invoice.id));
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.bytes.includes(Buffer.from('factur-x.xml'))).toBe(true);
    expect(file.contentType).toBe('application/pdf');
  });

  it('refuses e-invoices for private customers (PDF only)', async () => {
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const draft = await asFrida(() => invoices.create({ kind: 'standalone', contactId, serviceDate: '2026-11-20', propertyRelated: true, lines: [consultationLine] }));
    const invoice = await asFrida(() => finalisation.finalize(draft.id, undefined));
    await expectAppError(asFrida(() => exports.xrechnung(invoice.id)), 422, 'FINANCE_EINVOICE_B2C');
    await expectAppError(asFrida(() => exports.facturX(invoice.id)), 422, 'FINANCE_EINVOICE_B2C');
    const other = await asFrida(() => invoices.create({ kind: 'standalone', contactId, recipientIsBusiness: true, lines: [consultationLine] }));
    await expectAppError(asFrida(() => exports.xrechnung(other.id)), 409, 'FINANCE_INVOICE_NOT_FINALISED');
  });

  it('exports the period’s invoices and payments as DATEV Buchungsstapel', async () => {
    const invoice = await b2bInvoice();
    await asFrida(() => payments.record(invoice.id, { amountCents: 10_000, paidOn: invoice.issueDate!, method: 'bank_transfer', reference: invoice.number }));
    const day = invoice.issueDate!;
    const file = await asFrida(() => exports.datevBuchungsstapel(`${day.slice(0, 4)}-01-01`, day));
    const text = decode(file.bytes, 'win1252');
    const [header, columns, ...rows] = text.split('\r\n').filter(Boolean);
    expect(header.startsWith('"EXTF";700;21;"Buchungsstapel"')).toBe(true);
    expect(header).toContain(';1234567;10001;');
    expect(columns).toContain('Umsatz');
    expect(rows.some((r) => r.includes(invoice.number!) && r.includes('8400'))).toBe(true);
    expect(rows.some((r) => r.includes(invoice.number!) && r.includes('1200'))).toBe(true);
    await expectAppError(asFrida(() => exports.datevBuchungsstapel('2025-01-01', '2026-06-30')), 400, 'VALIDATION_FAILED');
  });
});
