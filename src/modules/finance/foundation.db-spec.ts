import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { drainOutbox } from '@libs/testing/outbox';
import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { financePermissions } from './finance.permissions';
import { ProductsService } from './products/products.service';
import { UpdateFinanceSettingsDto } from './settings/finance-settings.dto';
import { FinanceSettingsService } from './settings/finance-settings.service';
import { VatRatesService } from './vat-rates/vat-rates.service';

describe('finance foundation (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({ permissions: financePermissions.keys, users: { frida: { department: 'accounting', roles: ['accountant'] } } });
  const settings = lazyProvider(ctx, FinanceSettingsService);
  const products = lazyProvider(ctx, ProductsService);
  const vatRates = lazyProvider(ctx, VatRatesService);

  it('keeps one settings row, updated with If-Match and audited', async () => {
    const first = await ctx.as(ctx.users.frida, 'all', () => settings.get());
    expect(first).toMatchObject({ version: 1, invoiceNumberFormat: 'RE-{YYYY}-{NNNNNN}', paymentTermsDays: 14, managingDirectors: [] });
    const etag = `"${first.id}:1"`;
    const updated = await ctx.as(ctx.users.frida, 'all', () =>
      settings.update(etag, { legalName: 'Renewa GmbH', iban: 'DE89370400440532013000', datevAccounts: { revenueStandard: '8400', revenueReduced: '8300', revenueZeroPv: '8337', revenueExempt: '8100', bank: '1200', debtors: '1400' } }),
    );
    expect(updated).toMatchObject({ id: first.id, version: 2, legalName: 'Renewa GmbH', iban: 'DE89370400440532013000' });
    await expectAppError(ctx.as(ctx.users.frida, 'all', () => settings.update(etag, { legalName: 'Stale' })), 412, 'PRECONDITION_FAILED');
    await expectAppError(ctx.as(ctx.users.frida, 'all', () => settings.update(undefined, { legalName: 'No header' })), 428, 'PRECONDITION_REQUIRED');
    const { rows } = await ctx.admin.query('select count(*)::int as n from finance_settings');
    expect(rows[0].n).toBe(1);
    await drainOutbox(ctx.app);
    const audit = await ctx.admin.query(`select action from audit_logs where entity_id = $1`, [first.id]);
    expect(audit.rows.length).toBeGreaterThan(0);
  });

  it('validates IBAN (checksum), BIC and number formats at the edge', async () => {
    const errorsOf = async (body: object) => (await validate(plainToInstance(UpdateFinanceSettingsDto, body))).map((e) => e.property);
    expect(await errorsOf({ iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', invoiceNumberFormat: 'R-{YYYY}-{NNNN}' })).toEqual([]);
    expect(await errorsOf({ iban: 'DE89370400440532013001' })).toEqual(['iban']);
    expect(await errorsOf({ bic: 'NOTABIC' })).toEqual(['bic']);
    expect(await errorsOf({ invoiceNumberFormat: 'RE-{NNNN}' })).toEqual(['invoiceNumberFormat']);
    expect(plainToInstance(UpdateFinanceSettingsDto, { iban: 'de89 3704 0044 0532 0130 00' }).iban).toBe('DE89370400440532013000');
  });

  it('looks VAT rates up by date from the seeded reference data', async () => {
    const rates = await vatRates.ratesOn(['standard', 'reduced', 'zero_pv'], '2026-06-30');
    expect(rates.map((r) => [r.category, r.rateBasisPoints])).toEqual([
      ['standard', 1900],
      ['reduced', 700],
      ['zero_pv', 0],
    ]);
    // PV at 0 % only exists from 1 Jan 2023.
    await expectAppError(vatRates.ratesOn(['zero_pv'], '2022-12-31'), 422, 'FINANCE_VAT_RATE_MISSING');
    // A new dated row wins from its valid_from on, without a deploy.
    await ctx.admin.query(`update vat_rates set valid_to = '2027-06-30' where category = 'standard'`);
    await ctx.admin.query(`insert into vat_rates (category, rate_basis_points, valid_from, source) values ('standard', 2000, '2027-07-01', 'test')`);
    expect((await vatRates.ratesOn(['standard'], '2027-06-30'))[0].rateBasisPoints).toBe(1900);
    expect((await vatRates.ratesOn(['standard'], '2027-07-01'))[0].rateBasisPoints).toBe(2000);
  });

  it('keeps SKUs unique (409) and stores them upper-case', async () => {
    const dto = { sku: 'PV-MOD-400', name: { de: 'PV-Modul 400 Wp', en: 'PV module 400 Wp' }, kind: 'material' as const, unit: 'piece' as const, unitPriceCents: 18900, vatCategory: 'zero_pv' as const };
    const created = await ctx.as(ctx.users.frida, 'all', () => products.create(dto));
    expect(created).toMatchObject({ sku: 'PV-MOD-400', active: true, vatCategory: 'zero_pv' });
    await expectAppError(ctx.as(ctx.users.frida, 'all', () => products.create(dto)), 409, 'FINANCE_PRODUCT_SKU_TAKEN');
    const page = await ctx.as(ctx.users.frida, 'all', () => products.list({ q: 'pv-modul', limit: 10, deleted: 'exclude' }));
    expect(page.items.map((p) => p.id)).toEqual([created.id]);
  });
});
