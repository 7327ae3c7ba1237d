import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { createDatabase, type Database } from '@libs/db';
import { runAsActor } from '@libs/context';
import { ScenarioPresentationService } from '../../../modules/projects/scenarios/scenario-presentation.service';
import { useProjectsTestContext } from '../../../../test/support/projects-fixtures';
import { SEEDS } from '../index';
import { runSeeds } from '../seed-runner';
import { demoHouseSeed } from '../demo-house.seed';
import { DEMO_SEEDS } from './index';
import { DEMO_PORTAL_TOKEN } from './document-requests.demo';
import { portalTokenHash } from '../../../modules/documents/requests/document-request.rules';
import { DEMO_DEPARTMENTS, DEMO_USERS, demoId, demoUserId } from './demo-data';
import { refuseDemoUsersInProduction } from './demo-guard';

const quiet = { info: () => undefined, warn: () => undefined };
const TABLES = ['departments', 'users', 'user_roles', 'contacts', 'leads', 'projects', 'buildings', 'building_components', 'building_systems', 'scenarios', 'measures', 'workflows', 'project_number_counters', 'document_requests', 'document_request_items', 'funding_contracts', 'funding_applications', 'quotes', 'quote_versions', 'quote_number_counters', 'finance_settings', 'invoices', 'invoice_lines', 'invoice_number_counters', 'payments'];

describe('demo seed: the demo consultancy', () => {
  const ctx = useProjectsTestContext();
  let pool: Pool;
  let db: Database;

  beforeEach(() => {
    pool = new Pool({ connectionString: ctx.db.appUrl, max: 2 });
    db = createDatabase(pool);
  });
  afterEach(() => pool.end());

  /** Every row of the demo's tables, hashed per table: equal exactly when the rows are. */
  async function fingerprint(): Promise<Record<string, { rows: number; hash: string }>> {
    const result: Record<string, { rows: number; hash: string }> = {};
    for (const table of TABLES) {
      const { rows } = await ctx.admin.query(`select to_jsonb(t) as row from ${table} t order by 1::text`);
      const sorted = rows.map((r) => JSON.stringify(r.row)).sort();
      result[table] = { rows: sorted.length, hash: createHash('sha256').update(sorted.join('\n')).digest('hex') };
    }
    return result;
  }

  it('is refused in production and leaves nothing behind', async () => {
    const before = await fingerprint();
    await expect(runSeeds(db, SEEDS, { env: { nodeEnv: 'production', adminPassword: 'x'.repeat(16) }, log: quiet, includeDemo: true })).rejects.toThrow(
      /never seeded in production/,
    );
    expect(await fingerprint()).toEqual(before);
  });

  it('seeds 3 departments, 8 users, 200 leads in every status and 20 projects across the pipeline — once', async () => {
    const report = await runSeeds(db, SEEDS, { env: { nodeEnv: 'test' }, log: quiet, includeDemo: true });
    expect(report.applied).toEqual([demoHouseSeed.key, ...DEMO_SEEDS.map((s) => s.key)]);

    const count = async (sql: string, params: unknown[] = []) => (await ctx.admin.query<{ n: number }>(`select count(*)::int as n ${sql}`, params)).rows[0].n;
    expect(await count('from departments where id = any($1)', [Object.values(DEMO_DEPARTMENTS)])).toBe(3);
    const { rows: staff } = await ctx.admin.query(
      `select r.key, count(*)::int as n from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id where u.email like '%@demo.renewa.de' group by r.key order by r.key`,
    );
    expect(staff).toEqual([
      { key: 'accountant', n: 1 }, { key: 'back_office', n: 1 }, { key: 'energy_consultant', n: 2 }, { key: 'manager', n: 1 }, { key: 'read_only', n: 1 }, { key: 'sales', n: 2 },
    ]);
    expect(DEMO_USERS).toHaveLength(8);

    const { rows: leads } = await ctx.admin.query(`select status, count(*)::int as n from leads group by status order by status`);
    expect(leads.map((l) => l.status)).toEqual(['new', 'contacted', 'qualified', 'converted', 'lost']);
    expect(leads.reduce((sum, l) => sum + l.n, 0)).toBe(200);
    // Every converted lead has its contact; every sales region has leads.
    expect(await count(`from leads where status = 'converted' and converted_contact_id is null`)).toBe(0);
    expect(await count(`from leads where department_id = $1`, [DEMO_DEPARTMENTS.salesRheinMain])).toBeGreaterThan(50);

    const { rows: pipeline } = await ctx.admin.query(`select distinct status::text from projects where source_lead_id is not null order by 1`);
    expect(pipeline.map((p) => p.status)).toEqual(
      ['cancelled', 'closed', 'completed', 'contracted', 'funding_applied', 'in_execution', 'new', 'quoted', 'scenarios_presented', 'survey_planned', 'surveyed'],
    );
    expect(await count('from projects where source_lead_id is not null')).toBe(20);
    expect(await count('from projects p left join buildings b on b.project_id = p.id where b.id is null')).toBe(0);
    const { rows: numbers } = await ctx.admin.query(`select count(distinct number)::int as n from projects`);
    expect(numbers[0].n).toBe(await count('from projects'));
    // Quotes of the projects that reached the quote: sent or accepted, numbered, totals per rate.
    const { rows: quoteStates } = await ctx.admin.query(`select status::text, count(*)::int as n from quotes group by status order by status`);
    expect(quoteStates).toEqual([{ status: 'accepted', n: 8 }, { status: 'sent', n: 2 }]);
    expect(await count(`from quotes q join quote_versions v on v.quote_id = q.id where q.number ~ '^A-\\d{4}-\\d{6}$' and v.total_gross_cents > v.total_net_cents`)).toBe(10);
    expect(await count(`from workflows where trigger_event_type = 'crm.lead.created' and enabled`)).toBeGreaterThanOrEqual(2);
    // Scheduling: two consultants with two appointments each weekday this and next week.
    expect(await count(`from appointments a join appointment_participants p on p.appointment_id = a.id and p.active`)).toBe(40);
    // Document requests: one waiting behind the documented demo link, one overdue, one revoked; three items each.
    expect(await count(`from document_requests where token_hash = $1 and token_expires_at > now() and token_revoked_at is null and due_date >= current_date`, [portalTokenHash(DEMO_PORTAL_TOKEN)])).toBe(1);
    expect(await count(`from document_requests where status = 'open' and due_date < current_date and token_expires_at < now()`)).toBe(1);
    expect(await count(`from document_requests where token_revoked_at is not null`)).toBe(1);
    expect(await count(`from document_request_items`)).toBe(9);

    // Invoices: two projects with a paid down payment and a partly paid final invoice deducting it, one draft; numbered from the series' counter (4 serials).
    const { rows: invoiceStates } = await ctx.admin.query(`select kind::text, status::text, count(*)::int as n from invoices group by kind, status order by kind, status`);
    expect(invoiceStates).toEqual([
      { kind: 'down_payment', status: 'draft', n: 1 }, { kind: 'down_payment', status: 'paid', n: 2 }, { kind: 'final', status: 'partially_paid', n: 2 },
    ]);
    expect(await count(`from invoices where number ~ '^RE-\\d{4}-00000[1-4]$' and seller->>'legalName' <> '' and issue_date is not null and due_date is not null`)).toBe(4);
    expect((await ctx.admin.query(`select sum(last_value)::int as n from invoice_number_counters`)).rows[0].n).toBe(4);
    expect(await count(`from payments`)).toBe(4);

    // Funding: applications across the pipeline, each after a contract (one project's contract lacks the clause).
    expect(await count(`from funding_applications`)).toBe(6);
    expect(await count(`from funding_contracts where not with_funding_clause`)).toBe(1);

    expect((await runSeeds(db, SEEDS, { env: { nodeEnv: 'test' }, log: quiet, includeDemo: true })).applied).toEqual([]);
  });

  it('is idempotent row by row: running every demo seed again changes nothing', async () => {
    const before = await fingerprint();
    for (const seed of DEMO_SEEDS) {
      await runAsActor(() => db.transaction((tx) => seed.run({ db: tx as unknown as Database, env: { nodeEnv: 'test' }, log: quiet })));
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('keeps a production instance from starting on a database with active demo users', async () => {
    await expect(refuseDemoUsersInProduction(ctx.db.appUrl, 'production')).rejects.toThrow(/active demo users with documented passwords \(.*maria\.schulz@demo\.renewa\.de/);
    await expect(refuseDemoUsersInProduction(ctx.db.appUrl, 'development')).resolves.toBeUndefined();
    await ctx.admin.query(`update users set is_active = false where email like '%@demo.renewa.de'`);
    await expect(refuseDemoUsersInProduction(ctx.db.appUrl, 'production')).resolves.toBeUndefined();
    await ctx.admin.query(`update users set is_active = true where email like '%@demo.renewa.de'`);
  });

  it('has draft iSFPs whose checks pass, presentable by their consultant', async () => {
    const scenarioId = demoId('projects:10:scenario');
    const consultant = { id: demoUserId('consultant-1'), departmentId: DEMO_DEPARTMENTS.consulting };
    const presented = await ctx.as(consultant, 'all', () => ctx.get(ScenarioPresentationService).present(scenarioId, undefined));
    expect(presented.scenario.packages).toHaveLength(3);
    const outcomes = presented.detail.measures.flatMap((m) => m.checks.map((c) => c.outcome));
    expect(outcomes.length).toBeGreaterThan(0);
    expect(new Set(outcomes)).toEqual(new Set(['pass']));
  });
});
