import { drainOutbox } from '@libs/testing/outbox';
import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { financePermissions } from '../finance.permissions';
import { PaymentsService } from '../payments/payments.service';
import { ProductsService } from '../products/products.service';
import { completeSettings, consultationLine, insertContact, insertProject } from '../testing/finance-fixtures';
import { InvoiceOverdueCheck } from '../checks/invoice-overdue.check';
import { InvoiceCancellationService } from './invoice-cancellation.service';
import { InvoiceFinalisationService } from './invoice-finalisation.service';
import { InvoicesService } from './invoices.service';
import { berlinDate } from '@libs/shared';

describe('invoices (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({ permissions: [...financePermissions.keys, 'crm.contacts:read', 'crm.companies:read', 'projects.projects:read'], users: { frida: { department: 'accounting', roles: ['accountant'] } } });
  const invoices = lazyProvider(ctx, InvoicesService);
  const finalisation = lazyProvider(ctx, InvoiceFinalisationService);
  const cancellation = lazyProvider(ctx, InvoiceCancellationService);
  const payments = lazyProvider(ctx, PaymentsService);
  const products = lazyProvider(ctx, ProductsService);
  const asFrida = <T>(fn: () => Promise<T>) => ctx.as(ctx.users.frida, 'all', fn);
  const year = berlinDate().slice(0, 4);

  const eventsOf = async (aggregateId: string) => (await ctx.admin.query(`select type, payload from domain_events where aggregate_id = $1 order by occurred_at, id`, [aggregateId])).rows;

  it('refuses to finalise what §14(4) UStG needs and lacks (422 listing it), taking no number', async () => {
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    await ctx.admin.query(`update contacts set street = null where id = $1`, [contactId]);
    const draft = await asFrida(() => invoices.create({ kind: 'standalone', contactId, lines: [consultationLine] }));
    const error = await expectAppError(asFrida(() => finalisation.finalize(draft.id, undefined)), 422, 'FINANCE_INVOICE_INCOMPLETE');
    const paths = (error.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['settings.legalName', 'settings.address', 'settings.taxNumber', 'recipient.address', 'serviceDate', 'propertyRelated']));
    const counters = await ctx.admin.query(`select count(*)::int as n from invoice_number_counters`);
    expect(counters.rows[0].n).toBe(0);
  });

  it('computes lines from products and free text with mixed rates, finalises with a number, the retention and §12(3) notes and a PDF', async () => {
    await completeSettings(ctx.admin);
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const module = await asFrida(() => products.create({ sku: 'PV-MOD-410', name: { de: 'PV-Modul 410 Wp', en: 'PV module 410 Wp' }, kind: 'material', unit: 'piece', unitPriceCents: 18_990, vatCategory: 'zero_pv' }));
    const draft = await asFrida(() =>
      invoices.create({
        kind: 'standalone',
        contactId,
        serviceDate: '2026-11-20',
        propertyRelated: true,
        lines: [
          consultationLine,
          { productId: module.id, quantity: '12' },
          { text: { de: 'Dämmung Kellerdecke', en: 'Basement ceiling insulation' }, quantity: '0.333', unit: 'm2', unitPriceCents: 4555, vatCategory: 'reduced' },
        ],
      }),
    );
    expect(draft.lines.map((l) => [l.netCents, l.vatRateBasisPoints, l.sku])).toEqual([
      [165_000, 1900, null],
      [227_880, 0, 'PV-MOD-410'],
      [1517, 700, null],
    ]);
    expect(draft.vatBreakdown.map((r) => [r.vatCategory, r.netCents, r.taxCents])).toEqual([
      ['standard', 165_000, 31_350],
      ['zero_pv', 227_880, 0],
      ['reduced', 1517, 106],
    ]);
    expect(draft).toMatchObject({ status: 'draft', number: null, grossCents: 165_000 + 31_350 + 227_880 + 1517 + 106, recipient: { name: 'Petra Kühn', address: { city: 'Kassel' } } });

    const final = await asFrida(() => finalisation.finalize(draft.id, draft.version));
    expect(final.number).toMatch(new RegExp(`^RE-${year}-\\d{6}$`));
    expect(final).toMatchObject({ status: 'finalised', issueDate: berlinDate() });
    expect(final.legalNotes.map((n) => n.key)).toEqual(['retention', 'vat_zero_rate']);
    expect(final.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    await expectAppError(asFrida(() => invoices.update(final.id, final.version, { subject: 'nachträglich' })), 409, 'FINANCE_INVOICE_NOT_DRAFT');
    await expectAppError(asFrida(() => invoices.remove(final.id, final.version)), 409, 'FINANCE_INVOICE_NOT_DRAFT');
    expect((await eventsOf(final.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['finance.invoice.created', 'finance.invoice.finalized']));
  });

  it('derives the status from payments: partial, paid (announced once), over-paid, and back when a payment is deleted', async () => {
    await completeSettings(ctx.admin);
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const draft = await asFrida(() => invoices.create({ kind: 'standalone', contactId, serviceDate: '2026-11-20', propertyRelated: false, lines: [consultationLine] }));
    const invoice = await asFrida(() => finalisation.finalize(draft.id, undefined));
    expect(invoice.amountDueCents).toBe(196_350);
    await expectAppError(asFrida(() => invoices.create({ kind: 'standalone', contactId, lines: [] }).then((d) => payments.record(d.id, { amountCents: 1, paidOn: '2026-11-30', method: 'cash' }))), 409, 'FINANCE_PAYMENT_INVOICE_NOT_OPEN');
    const first = await asFrida(() => payments.record(invoice.id, { amountCents: 100_000, paidOn: '2026-11-30', method: 'bank_transfer', reference: invoice.number }));
    expect((await asFrida(() => invoices.detail(invoice.id))).status).toBe('partially_paid');
    const second = await asFrida(() => payments.record(invoice.id, { amountCents: 100_000, paidOn: '2026-12-01', method: 'bank_transfer' }));
    const paid = await asFrida(() => invoices.detail(invoice.id));
    expect(paid).toMatchObject({ status: 'paid', paidCents: 200_000, openCents: -3_650 });
    await asFrida(() => payments.remove(second.id, second.version));
    expect(await asFrida(() => invoices.detail(invoice.id))).toMatchObject({ status: 'partially_paid', paidCents: 100_000 });
    await asFrida(() => payments.restore(second.id, undefined));
    expect((await asFrida(() => invoices.detail(invoice.id))).status).toBe('paid');
    expect((await eventsOf(invoice.id)).filter((e) => e.type === 'finance.invoice.paid')).toHaveLength(2);
    expect(first.departmentId).toBe(invoice.departmentId);
  });

  it('cancels a finalised invoice with a cancellation invoice: own number, reference, negated amounts; the original is cancelled', async () => {
    await completeSettings(ctx.admin);
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const draft = await asFrida(() =>
      invoices.create({ kind: 'standalone', contactId, serviceDate: '2026-11-20', propertyRelated: true, lines: [consultationLine, { ...consultationLine, quantity: '0.333', unitPriceCents: 4555, vatCategory: 'reduced' }] }),
    );
    const original = await asFrida(() => finalisation.finalize(draft.id, undefined));
    const storno = await asFrida(() => cancellation.cancel(original.id, original.version, 'Betrag fehlerhaft'));
    expect(storno.number).toMatch(new RegExp(`^ST-${year}-\\d{6}$`));
    expect(storno).toMatchObject({ kind: 'cancellation', status: 'finalised', cancelsInvoiceId: original.id, netCents: -original.netCents, taxCents: -original.taxCents, grossCents: -original.grossCents });
    expect(storno.lines.map((l) => [l.quantity, l.netCents])).toEqual(original.lines.map((l) => [`-${l.quantity}`, -l.netCents]));
    expect(storno.vatBreakdown.map((r) => r.taxCents)).toEqual(original.vatBreakdown.map((r) => -r.taxCents));
    expect(storno.pdfFileId).not.toBeNull();
    expect(await asFrida(() => invoices.detail(original.id))).toMatchObject({ status: 'cancelled', cancelledByInvoiceId: storno.id });
    await expectAppError(asFrida(() => cancellation.cancel(original.id, undefined, 'nochmal')), 409, 'FINANCE_INVOICE_NOT_CANCELLABLE');
    await expectAppError(asFrida(() => cancellation.cancel(storno.id, undefined, 'Storno vom Storno')), 409, 'FINANCE_INVOICE_NOT_CANCELLABLE');
    expect((await eventsOf(original.id)).map((e) => e.type)).toContain('finance.invoice.cancelled');
  });

  it('deducts the down payments received from the final invoice, per VAT rate, and lists them', async () => {
    await completeSettings(ctx.admin);
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const projectId = await insertProject(ctx.admin, contactId, ctx.department('accounting'));
    const base = { contactId, projectId, serviceDate: '2026-11-20', propertyRelated: true };
    const down = await asFrida(() =>
      invoices.create({ ...base, kind: 'down_payment', lines: [{ text: { de: 'Abschlag 30 %', en: 'Down payment 30 %' }, quantity: '1', unit: 'flat', unitPriceCents: 300_000, vatCategory: 'standard' }] }),
    );
    const downFinal = await asFrida(() => finalisation.finalize(down.id, undefined));
    await asFrida(() => payments.record(downFinal.id, { amountCents: downFinal.grossCents, paidOn: '2026-11-25', method: 'bank_transfer' }));
    const final = await asFrida(() =>
      invoices.create({
        ...base,
        kind: 'final',
        lines: [
          { text: { de: 'Wärmepumpe inkl. Montage', en: 'Heat pump incl. installation' }, quantity: '1', unit: 'flat', unitPriceCents: 1_000_000, vatCategory: 'standard' },
          { text: { de: 'PV-Anlage 9,8 kWp', en: 'PV system 9.8 kWp' }, quantity: '9.8', unit: 'kwp', unitPriceCents: 150_000, vatCategory: 'zero_pv' },
        ],
      }),
    );
    expect(final.deductions).toEqual([
      { invoiceId: downFinal.id, number: downFinal.number, issueDate: downFinal.issueDate, grossCents: 357_000, perRate: [{ vatCategory: 'standard', rateBasisPoints: 1900, netCents: 300_000, taxCents: 57_000 }] },
    ]);
    expect(final).toMatchObject({ grossCents: 1_190_000 + 1_470_000, prepaidCents: 357_000, amountDueCents: 1_190_000 + 1_470_000 - 357_000 });
    const issued = await asFrida(() => finalisation.finalize(final.id, undefined));
    expect(issued.amountDueCents).toBe(2_303_000);
  });

  it('announces overdue invoices once per due date, however often the check runs', async () => {
    await completeSettings(ctx.admin);
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const draft = await asFrida(() => invoices.create({ kind: 'standalone', contactId, serviceDate: '2026-11-20', propertyRelated: false, paymentTermsDays: 0, lines: [consultationLine] }));
    const invoice = await asFrida(() => finalisation.finalize(draft.id, undefined));
    const check = ctx.get(InvoiceOverdueCheck);
    const later = { now: new Date(), today: '2099-01-01' };
    const first = await check.run(later);
    const second = await check.run(later);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBe(0);
    expect((await eventsOf(invoice.id)).filter((e) => e.type === 'finance.invoice.overdue')).toHaveLength(1);
    expect((await asFrida(() => invoices.detail(invoice.id))).status).toBe('overdue');
    await drainOutbox(ctx.app);
  });
});
