import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { seedUuid } from '../../src/db/seeds/seed-utils';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedReferenceData } from './support/auth';
import { clientFor, createStaff } from './support/crm-api';

const KFW_458 = seedUuid('fundingPrograms', 'kfw_458');

/**
 * Funding over HTTP with the standard roles: the consultant's scenario (a heat pump in a two-unit
 * house, one flat owner-occupied, replacing a working oil boiler) → preview and stored calculation
 * (W1 of domain-2026.md §8: €15,580) → application → contract with the funding clause → submitted →
 * approved → proofs → paid; and the start-of-project refusal for a contract signed without the clause.
 */
describe('Funding journey over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let consultant: ApiClient, accountant: ApiClient;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    const admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const erik = await createStaff(admin, { email: 'erik@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    const carla = await createStaff(admin, { email: 'carla@renewa.test', department: 'accounting', roles: ['accountant'] });
    consultant = await clientFor(server.baseUrl, 'erik@renewa.test', erik.password);
    accountant = await clientFor(server.baseUrl, 'carla@renewa.test', carla.password);
    pool = db.adminPool();
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  async function scenarioWithHeatPump(title: string): Promise<{ projectId: string; scenarioId: string; measureId: string }> {
    // The customer (sales would have converted a lead; a contact of the consultant's department here).
    const contactId = randomUUID();
    await pool.query(`insert into contacts (id, last_name, department_id) values ($1, $2, $3)`, [contactId, title, seedUuid('departments', 'energy_consulting')]);
    const project = await unwrap(consultant.POST('/api/v1/projects', { body: { title, contactId } }));
    const building = await unwrap(
      consultant.POST('/api/v1/buildings', {
        body: { projectId: project.id, residentialUnits: 2, ownerOccupiedUnits: 1, yearOfConstruction: 1965, heatingKind: 'oil_boiler', heatingYearInstalled: 1995, heatingWorking: true },
      }),
    );
    const scenario = await unwrap(consultant.POST('/api/v1/scenarios', { body: { buildingId: building.id, name: 'Heizungstausch', kind: 'comparison', packages: [] } }));
    const measure = await unwrap(
      consultant.POST('/api/v1/measures', { body: { scenarioId: scenario.id, packageNumber: null, kind: 'heat_pump_air', title: 'Luft-Wasser-Wärmepumpe', costEstimateNetCents: 4_100_000 } }),
    );
    return { projectId: project.id, scenarioId: scenario.id, measureId: measure.id };
  }

  const etagOf = async (id: string) => (await consultant.GET('/api/v1/funding/applications/{id}', { params: { path: { id } } })).response.headers.get('etag')!;

  it('scenario → calculation → application → approved → proofs → paid', async () => {
    const { projectId, scenarioId, measureId } = await scenarioWithHeatPump('Haus Weber');

    const preview = await unwrap(consultant.POST('/api/v1/funding/calculations', { body: { date: '2026-10-15', scenarioId, household: { ownerOccupied: true } } }));
    const route = preview.routes.find((r) => r.route === 'beg_em_kfw_458')!;
    expect(route.programs.find((p) => p.programKey === 'kfw_458')!.grantCents).toBe(1_558_000);
    expect(preview.bestRoute).toBe('beg_em_kfw_458');
    expect(route.programs[1].explanation.en).toContain('Climate-speed bonus: 16 %');

    const stored = await unwrap(
      consultant.POST('/api/v1/funding/stored-calculations', { body: { date: '2026-10-15', scenarioId, household: { ownerOccupied: true } }, headers: { 'Idempotency-Key': 'funding-calc-1' } }),
    );
    expect(stored).toMatchObject({ projectId, scenarioId, bestRoute: 'beg_em_kfw_458' });
    expect(stored.ruleVersionIds).toContain(seedUuid('fundingPrograms', 'kfw_458:rule:2026-07-21'));

    // A date without a rule version: a clear 422, never a guess.
    const late = await consultant.POST('/api/v1/funding/calculations', { body: { date: '2031-02-01', scenarioId, household: { ownerOccupied: true } } });
    expect(late.response.status).toBe(422);
    expect(late.error).toMatchObject({ code: 'FUNDING_NO_RULE_ON_DATE' });

    const created = await unwrap(
      consultant.POST('/api/v1/funding/applications', {
        body: { projectId, programId: KFW_458, scenarioId, measureIds: [measureId], calculationId: stored.id, title: 'Heizungstausch KfW 458', bzaId: 'BZA-2026-0815', requestedAmountCents: 1_558_000 },
      }),
    );
    expect(created).toMatchObject({ status: 'draft', nextStatuses: ['prepared', 'withdrawn'] });
    const badId = await consultant.PATCH('/api/v1/funding/applications/{id}', { params: { path: { id: created.id }, header: { 'If-Match': await etagOf(created.id) } }, body: { kfwApplicationNumber: 'x' } });
    expect(badId.response.status).toBe(400);

    const move = async (id: string, body: Record<string, unknown>) =>
      unwrap(consultant.POST('/api/v1/funding/applications/{id}/status', { params: { path: { id }, header: { 'If-Match': await etagOf(id) } }, body: body as never }));
    await move(created.id, { status: 'prepared' });
    await unwrap(consultant.POST('/api/v1/funding/contracts', { body: { projectId, reference: 'Werkvertrag Heizung 2026-117', signedAt: '2026-10-10T09:00:00Z', withFundingClause: true } }));
    const submitted = await move(created.id, { status: 'submitted', submittedOn: '2026-10-15' });
    expect(submitted.status).toBe('submitted');
    const approved = await move(created.id, { status: 'approved', approvedAmountCents: 1_558_000, approvedOn: '2026-10-20', implementationDeadline: '2029-10-20', proofDeadline: '2030-04-20' });
    expect(approved).toMatchObject({ status: 'approved', implementationDeadlineState: 'open', approvedAmountCents: 1_558_000 });
    await move(created.id, { status: 'proofs_submitted', proofsSubmittedOn: '2027-05-02' });
    const paid = await move(created.id, { status: 'paid', paidAmountCents: 1_558_000, paidOn: '2027-06-01' });
    expect(paid).toMatchObject({ status: 'paid', implementationDeadlineState: 'met', nextStatuses: [] });

    const checklist = await unwrap(consultant.GET('/api/v1/funding/applications/{id}/checklist', { params: { path: { id: created.id } } }));
    expect(checklist.items.map((i) => i.key)).toEqual(expect.arrayContaining(['bza', 'bnd', 'invoices']));

    // The accountant reads (all scope) but may not change.
    expect((await unwrap(accountant.GET('/api/v1/funding/applications/{id}', { params: { path: { id: created.id } } }))).status).toBe('paid');
    const refused = await accountant.POST('/api/v1/funding/applications', { body: { projectId, programId: KFW_458, title: 'x' } });
    expect(refused.response.status).toBe(403);

    await drainOutbox(server.app);
    const { rows } = await pool.query(`select type from domain_events where aggregate_id = $1 order by occurred_at, type`, [created.id]);
    expect(rows.map((r: { type: string }) => r.type)).toEqual(expect.arrayContaining(['funding.application.submitted', 'funding.application.approved']));
  });

  it('refuses to submit when the project has a works contract signed without the funding clause', async () => {
    const { projectId } = await scenarioWithHeatPump('Haus Schmidt');
    const created = await unwrap(consultant.POST('/api/v1/funding/applications', { body: { projectId, programId: KFW_458, title: 'Heizung' } }));
    await unwrap(consultant.POST('/api/v1/funding/applications/{id}/status', { params: { path: { id: created.id }, header: { 'If-Match': await etagOf(created.id) } }, body: { status: 'prepared' } }));
    await unwrap(consultant.POST('/api/v1/funding/contracts', { body: { projectId, reference: 'Auftrag Fa. Müller', signedAt: '2026-10-01T09:00:00Z', withFundingClause: false } }));
    const refused = await consultant.POST('/api/v1/funding/applications/{id}/status', {
      params: { path: { id: created.id }, header: { 'If-Match': await etagOf(created.id) } },
      body: { status: 'submitted', submittedOn: '2026-10-15' },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.error).toMatchObject({ code: 'FUNDING_CONTRACT_WITHOUT_FUNDING_CLAUSE' });
    expect((refused.error as { detail: string }).detail).toContain('without a funding condition clause');
  });
});
