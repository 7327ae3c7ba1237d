import type { Pool } from 'pg';
import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { seedUuid } from '../../src/db/seeds/seed-utils';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedReferenceData } from './support/auth';
import { clientFor, createStaff } from './support/crm-api';

/**
 * The consultancy's journey over HTTP (through PgBouncer when it runs), with the generated client
 * and the standard roles: sales converts a lead → the project appears (crm.lead.converted) →
 * the assigned energy consultant surveys the building and its components (U-values computed),
 * builds an iSFP, reads the checks, presents it (frozen snapshot) — and the project moves on.
 */
describe('Projects journey over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let sales: ApiClient, consultant: ApiClient, otherConsultant: ApiClient;
  let consultantId: string;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    const admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const anna = await createStaff(admin, { email: 'anna@renewa.test', department: 'sales', roles: ['sales'] });
    const erik = await createStaff(admin, { email: 'erik@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    const frida = await createStaff(admin, { email: 'frida@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    consultantId = erik.id;
    sales = await clientFor(server.baseUrl, 'anna@renewa.test', anna.password);
    consultant = await clientFor(server.baseUrl, 'erik@renewa.test', erik.password);
    otherConsultant = await clientFor(server.baseUrl, 'frida@renewa.test', frida.password);
    pool = db.adminPool();
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  it('lead → project → building → components → scenario → present', async () => {
    // Sales: a qualified lead for the consultant, converted.
    const lead = await unwrap(
      sales.POST('/api/v1/leads', {
        body: {
          source: 'website_form',
          status: 'qualified',
          firstName: 'Klaus',
          lastName: 'Becker',
          interests: ['insulation', 'windows'],
          propertyAddress: { street: 'Ahornweg 7', postalCode: '34117', city: 'Kassel' },
          buildingType: 'single_family',
          yearBuilt: 1964,
          livingAreaM2: 128,
          residentialUnits: 1,
          ownerOccupied: true,
          assigneeId: consultantId,
          allowDuplicates: true,
        },
      }),
    );
    await unwrap(sales.POST('/api/v1/leads/{id}/convert', { params: { path: { id: lead.id } }, body: {} }));
    await drainOutbox(server.app);

    // The consultant finds the project the conversion made: theirs, with the lead's property as its building.
    const [project] = (await unwrap(consultant.GET('/api/v1/projects', { params: { query: { sourceLeadId: lead.id } } }))).items;
    expect(project).toMatchObject({ title: 'Becker, Klaus – Ahornweg 7, Kassel', ownerId: consultantId, status: 'new', interests: ['insulation', 'windows'] });
    expect(project.number).toMatch(/^P-\d{4}-\d{5}$/);
    await unwrap(consultant.POST('/api/v1/projects/{id}/status', { params: { path: { id: project.id } }, body: { status: 'surveyed' } }));
    const illegal = await consultant.POST('/api/v1/projects/{id}/status', { params: { path: { id: project.id } }, body: { status: 'contracted' } });
    expect(illegal.response.status).toBe(409);
    expect(illegal.error).toMatchObject({ code: 'PROJECTS_PROJECT_ILLEGAL_TRANSITION' });
    // A required field cannot be cleared: 400, nothing changed.
    const etag = (await consultant.GET('/api/v1/projects/{id}', { params: { path: { id: project.id } } })).response.headers.get('etag')!;
    const cleared = await consultant.PATCH('/api/v1/projects/{id}', { params: { path: { id: project.id }, header: { 'If-Match': etag } }, body: { contactId: null } as never });
    expect(cleared.response.status).toBe(400);
    // A colleague reads it only within their department; it is in sales' department, so not at all.
    expect((await otherConsultant.GET('/api/v1/projects/{id}', { params: { path: { id: project.id } } })).response.status).toBe(404);

    // The building, completed with If-Match.
    const [building] = (await unwrap(consultant.GET('/api/v1/buildings', { params: { query: { projectId: project.id } } }))).items;
    expect(building).toMatchObject({ address: { street: 'Ahornweg 7', city: 'Kassel' }, yearOfConstruction: 1964, heatedLivingAreaM2: 128, ownerOccupiedUnits: 1 });
    const read = await consultant.GET('/api/v1/buildings/{id}', { params: { path: { id: building.id } } });
    const updated = await unwrap(
      consultant.PATCH('/api/v1/buildings/{id}', {
        params: { path: { id: building.id }, header: { 'If-Match': read.response.headers.get('etag')! } },
        body: { yearOfBuildingPermit: 1963, heatingKind: 'oil_boiler', heatingEnergyCarrier: 'heating_oil', heatingYearInstalled: 1995, heatingWorking: true },
      }),
    );
    expect(updated.version).toBe(2);

    // Components: a wall of catalogue materials (U computed), windows with a declared U_w, the top-floor ceiling.
    const wall = await unwrap(
      consultant.POST('/api/v1/components', {
        body: {
          buildingId: building.id,
          name: 'Außenwand',
          category: 'external_wall_air',
          areaM2: 135,
          layers: [
            { materialId: seedUuid('materials', 'putz-gips'), thicknessMm: 15 },
            { materialId: seedUuid('materials', 'hlz-1200'), thicknessMm: 300 },
            { materialId: seedUuid('materials', 'putz-kalkzement'), thicknessMm: 20 },
          ],
        },
        headers: { 'Idempotency-Key': 'journey-wall' },
      }),
    );
    expect(wall).toMatchObject({ uValueSource: 'computed', uValueRounded: 1.2 });
    expect(wall.uValue!).toBeCloseTo(1 / (0.13 + 0.015 / 0.7 + 0.3 / 0.5 + 0.02 / 1.0 + 0.04), 10);
    const windows = await unwrap(consultant.POST('/api/v1/components', { body: { buildingId: building.id, name: 'Fenster', category: 'window', declaredUValue: 2.7, areaM2: 24 } }));
    const ceiling = await unwrap(
      consultant.POST('/api/v1/components', {
        body: { buildingId: building.id, name: 'Oberste Geschossdecke', category: 'top_floor_ceiling', layers: [{ materialId: seedUuid('materials', 'stahlbeton-1'), thicknessMm: 160 }] },
      }),
    );
    await unwrap(consultant.POST('/api/v1/building-systems', { body: { buildingId: building.id, kind: 'heat_generator', energyCarrier: 'heating_oil', powerKw: 22, yearInstalled: 1995 } }));

    // An iSFP of three packages.
    const scenario = await unwrap(
      consultant.POST('/api/v1/scenarios', {
        body: { buildingId: building.id, name: 'iSFP Becker', kind: 'isfp', packages: [{ title: 'Dach', plannedYear: 2027 }, { title: 'Fenster', plannedYear: 2028 }, { title: 'Fassade', plannedYear: 2030 }] },
      }),
    );
    const eps = { materialId: seedUuid('materials', 'eps-035') };
    await unwrap(consultant.POST('/api/v1/measures', { body: { scenarioId: scenario.id, packageNumber: 1, kind: 'ceiling_insulation', title: 'Dämmung oberste Geschossdecke', componentIds: [ceiling.id], newLayers: [{ ...eps, thicknessMm: 240 }], costEstimateNetCents: 850_000 } }));
    await unwrap(consultant.POST('/api/v1/measures', { body: { scenarioId: scenario.id, packageNumber: 2, kind: 'windows', title: 'Fenstertausch', componentIds: [windows.id], targetUValue: 0.95, costEstimateNetCents: 2_400_000, vatCategory: 'standard' } }));
    const facade = await unwrap(consultant.POST('/api/v1/measures', { body: { scenarioId: scenario.id, packageNumber: 3, kind: 'wall_insulation', title: 'WDVS 10 cm', componentIds: [wall.id], newLayers: [{ ...eps, thicknessMm: 100 }], costEstimateNetCents: 3_800_000 } }));

    // The checks, explained: 10 cm leave the wall at 0.27 — above both limits.
    const full = await unwrap(consultant.GET('/api/v1/scenarios/{id}/full', { params: { path: { id: scenario.id } } }));
    expect(full.frozen).toBe(false);
    const wallChecks = full.detail.measures.find((m) => m.id === facade.id)!.checks;
    expect(wallChecks.map((c) => [c.requirementSetKey, c.outcome, c.uValueRounded])).toEqual([
      ['beg_em_tma', 'fail', 0.27],
      ['geg_anlage_7', 'fail', 0.27],
    ]);
    expect(wallChecks[0].explanation.en).toBe('U = 0.27 W/(m²·K) exceeds the BEG minimum 0.20 for external walls.');
    expect(wallChecks[0].explanation.de).toBe('U = 0,27 W/(m²·K) überschreitet 0,20 W/(m²·K) (BEG-Mindestanforderung für Außenwände).');
    // 16 cm instead: meets both.
    const current = await consultant.GET('/api/v1/measures/{id}', { params: { path: { id: facade.id } } });
    await unwrap(
      consultant.PATCH('/api/v1/measures/{id}', {
        params: { path: { id: facade.id }, header: { 'If-Match': current.response.headers.get('etag')! } },
        body: { title: 'WDVS 16 cm', newLayers: [{ ...eps, thicknessMm: 160 }] },
      }),
    );
    const checks = await unwrap(consultant.GET('/api/v1/measures/{id}/checks', { params: { path: { id: facade.id } } }));
    expect(checks.checks.map((c) => c.outcome)).toEqual(['pass', 'pass']);

    // Present: a frozen snapshot; retried with its Idempotency-Key it answers the same.
    const headers = { 'Idempotency-Key': 'journey-present' };
    const presented = await unwrap(consultant.POST('/api/v1/scenarios/{id}/present', { params: { path: { id: scenario.id } }, headers }));
    expect(presented).toMatchObject({ frozen: true, scenario: { status: 'presented' }, detail: { totals: { measureCount: 3, costEstimateNetCents: 7_050_000 } } });
    const replay = await consultant.POST('/api/v1/scenarios/{id}/present', { params: { path: { id: scenario.id } }, headers });
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.snapshot!.id).toBe(presented.snapshot!.id);
    const snapshot = await unwrap(consultant.GET('/api/v1/scenario-snapshots/{id}', { params: { path: { id: presented.snapshot!.id } } }));
    expect(snapshot).toMatchObject({ contentHash: presented.snapshot!.contentHash, scenarioId: scenario.id });
    expect(snapshot.content.measures.map((m) => m.title)).toEqual(['Dämmung oberste Geschossdecke', 'Fenstertausch', 'WDVS 16 cm']);

    // Frozen: its measures no longer change; the project has moved on.
    const afterPresent = await consultant.GET('/api/v1/measures/{id}', { params: { path: { id: facade.id } } });
    const frozen = await consultant.PATCH('/api/v1/measures/{id}', {
      params: { path: { id: facade.id }, header: { 'If-Match': afterPresent.response.headers.get('etag')! } },
      body: { costEstimateNetCents: 1 },
    });
    expect(frozen.response.status).toBe(409);
    expect(frozen.error).toMatchObject({ code: 'PROJECTS_SCENARIO_NOT_DRAFT' });
    expect(await unwrap(consultant.GET('/api/v1/projects/{id}', { params: { path: { id: project.id } } }))).toMatchObject({ status: 'scenarios_presented' });

    // Sales reads the project of its department (not the changes); the timeline shows every step.
    expect((await sales.GET('/api/v1/projects/{id}', { params: { path: { id: project.id } } })).response.status).toBe(200);
    await drainOutbox(server.app);
    const timeline = await unwrap(consultant.GET('/api/v1/projects/{id}/timeline', { params: { path: { id: project.id }, query: { limit: 200 } } }));
    const actions = timeline.items.map((i) => i.action);
    expect(actions[0]).toBe('projects.scenario.presented');
    expect(actions).toEqual(expect.arrayContaining(['projects.project.created', 'projects.project.status_changed', 'projects.building.updated', 'projects.building_component.created', 'projects.measure.updated']));
    const { rows } = await pool.query(`select count(*)::int as n from audit_logs where action = 'projects.scenario.presented' and entity_id = $1`, [scenario.id]);
    expect(rows[0].n).toBe(1);
  });
});
