import { Pool } from 'pg';
import { TransactionHost } from '@nestjs-cls/transactional';
import { createDatabase } from '@libs/db';
import { lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { financePermissions } from '../../../modules/finance/finance.permissions';
import { InvoiceFinalisationService } from '../../../modules/finance/invoices/invoice-finalisation.service';
import { SEEDS } from '../index';
import { runSeeds } from '../seed-runner';
import { demoId } from './demo-data';
import { berlinDate } from '@libs/shared';

const quiet = { info: () => undefined, warn: () => undefined };

describe('demo seed: invoices', () => {
  const ctx = useModuleTestContext({ permissions: [...financePermissions.keys, 'crm.contacts:read', 'crm.companies:read', 'projects.projects:read'], users: { frida: { department: 'accounting', roles: ['accountant'] } } });
  const finalisation = lazyProvider(ctx, InvoiceFinalisationService);

  /** Every seed with the demo, through the runner (its own pool, closed before the test database goes). */
  async function seedDemo(): Promise<void> {
    const pool = new Pool({ connectionString: ctx.db.appUrl, max: 2 });
    try {
      await runSeeds(createDatabase(pool), SEEDS, { env: { nodeEnv: 'test' }, log: quiet, includeDemo: true });
    } finally {
      await pool.end();
    }
  }

  beforeAll(seedDemo);

  it('writes the demo organisation and finalised invoices whose amounts add up', async () => {
    const { rows: settings } = await ctx.admin.query(`select legal_name, vat_id, tax_number, iban, bic, register_number, managing_directors from finance_settings`);
    expect(settings).toEqual([expect.objectContaining({ legal_name: 'Renewa Demo Energieberatung GmbH', vat_id: 'DE123456789', managing_directors: ['Maria Schulz'] })]);

    const { rows } = await ctx.admin.query(
      `select id, kind::text, status::text, number, serial, net_cents::int as net, tax_cents::int as tax, gross_cents::int as gross, prepaid_cents::int as prepaid,
              amount_due_cents::int as due, paid_cents::int as paid, deductions, seller, legal_notes,
              (select coalesce(sum(amount_cents), 0)::int from payments p where p.invoice_id = i.id) as payments,
              (select coalesce(sum(net_cents), 0)::int from invoice_lines l where l.invoice_id = i.id) as line_net
         from invoices i order by serial nulls last`,
    );
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['down_payment', 'paid'], ['down_payment', 'paid'], ['final', 'partially_paid'], ['final', 'partially_paid'], ['down_payment', 'draft'],
    ]);
    // Gap-free per year (the down payments may fall in the previous year in January).
    const { rows: series } = await ctx.admin.query(`select fiscal_year, array_agg(serial order by serial) as serials from invoices where number is not null group by fiscal_year`);
    expect(series.flatMap((y) => y.serials)).toHaveLength(4);
    for (const year of series) expect(year.serials).toEqual(year.serials.map((_: number, i: number) => i + 1));
    for (const r of rows) {
      expect(r.line_net).toBe(r.net);
      expect(r.gross).toBe(r.net + r.tax);
      expect(r.due).toBe(r.gross - r.prepaid);
      expect(r.payments).toBe(r.paid);
    }
    const finals = rows.filter((r) => r.kind === 'final');
    for (const final of finals) {
      expect(final.deductions).toHaveLength(1);
      const downPayment = rows.find((r) => r.id === final.deductions[0].invoiceId)!;
      expect(final.prepaid).toBe(downPayment.gross);
      expect(final.deductions[0].number).toBe(downPayment.number);
      expect(final.paid).toBeGreaterThan(0);
      expect(final.paid).toBeLessThan(final.due);
      expect(final.seller).toMatchObject({ legalName: 'Renewa Demo Energieberatung GmbH', iban: 'DE02120300000000202051' });
      expect(final.legal_notes.map((n: { key: string }) => n.key)).toContain('retention');
    }
    expect(rows.find((r) => r.status === 'draft')!.number).toBeNull();
  });

  it('lets the series continue: the next finalisation takes the next number, also after the seed runs again', async () => {
    await seedDemo();
    const draft = demoId('finance:invoice:2:down-payment');
    const year = Number(berlinDate().slice(0, 4));
    const { rows } = await ctx.admin.query<{ n: number }>(`select count(*)::int as n from invoices where number is not null and fiscal_year = $1`, [year]);
    const finalised = await ctx.as(ctx.users.frida, 'all', () => ctx.get(TransactionHost).withTransaction(() => finalisation.finalizeInTransaction(draft, undefined, 'all')));
    expect(finalised.serial).toBe(rows[0].n + 1);
    expect(finalised.number).toBe(`RE-${year}-${String(rows[0].n + 1).padStart(6, '0')}`);
  });
});
