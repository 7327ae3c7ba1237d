import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { canonicalJson } from '@libs/idempotency';
import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { drainOutbox } from '@libs/testing/outbox';
import { createContact, expectAppError, useProjectsTestContext } from '../../../../test/support/projects-fixtures';
import { BuildingsService } from '../buildings/buildings.service';
import { ComponentsService } from '../components/components.service';
import type { CreateMeasureDto } from '../measures/measure.dto';
import { MeasuresService } from '../measures/measures.service';
import { ProjectsQueries } from '../projects.queries';
import { ProjectCreationService } from '../projects/project-creation.service';
import { ProjectsService } from '../projects/projects.service';
import { ProjectTimelineService } from '../timeline/project-timeline.service';
import { ScenarioCopyService } from './scenario-copy.service';
import { ScenarioPresentationService } from './scenario-presentation.service';
import { ScenarioViewService } from './scenario-view.service';
import { ScenariosService } from './scenarios.service';

describe('scenarios, measures and their checks (module, PostgreSQL)', () => {
  const ctx = useProjectsTestContext();
  const scenarios = lazyProvider(ctx, ScenariosService);
  const measures = lazyProvider(ctx, MeasuresService);
  const view = lazyProvider(ctx, ScenarioViewService);
  const presentation = lazyProvider(ctx, ScenarioPresentationService);
  const copies = lazyProvider(ctx, ScenarioCopyService);
  let erik: ModuleTestUser;
  let projectId: string, buildingId: string, wallId: string, windowId: string, ceilingId: string;
  const asErik = <T>(fn: () => Promise<T>) => ctx.as(erik, 'department', fn);
  const EPS = (thicknessMm: number) => [{ name: 'EPS 035', thicknessMm, lambda: 0.035 }];
  const measure = (scenarioId: string, packageNumber: number | null, over: Partial<CreateMeasureDto> = {}) =>
    asErik(() => measures.create({ scenarioId, packageNumber, kind: 'wall_insulation', title: 'WDVS', componentIds: [wallId], newLayers: EPS(160), costEstimateNetCents: 3_000_000, ...over }));

  beforeAll(async () => {
    ({ erik } = ctx.users);
    const contactId = await createContact(ctx, erik, 'Szenario');
    projectId = (await asErik(() => ctx.get(ProjectCreationService).create({ title: 'Szenarien', contactId }))).id;
    await asErik(() => ctx.get(ProjectsService).changeStatus(projectId, undefined, 'surveyed', undefined));
    buildingId = (await asErik(() => ctx.get(BuildingsService).create({ projectId, yearOfConstruction: 1965 }))).id;
    const components = ctx.get(ComponentsService);
    wallId = (await asErik(() => components.create({ buildingId, name: 'Außenwand', category: 'external_wall_air', layers: [{ name: 'Vollziegel', thicknessMm: 300, lambda: 0.68 }] }))).id;
    windowId = (await asErik(() => components.create({ buildingId, name: 'Fenster', category: 'window', declaredUValue: 2.8 }))).id;
    ceilingId = (await asErik(() => components.create({ buildingId, name: 'Oberste Geschossdecke', category: 'top_floor_ceiling', layers: [{ name: 'Beton', thicknessMm: 160, lambda: 2.3 }] }))).id;
  });

  it('presents an iSFP only with 1 or 3–5 packages, none empty, and every envelope measure computable', async () => {
    const draft = await asErik(() => scenarios.create({ buildingId, name: 'iSFP', kind: 'isfp', packages: [{ title: 'Hülle' }, { title: 'Fenster' }] }));
    await measure(draft.id, 1);
    const twoPackages = await expectAppError(asErik(() => presentation.present(draft.id, undefined)), 409, 'PROJECTS_SCENARIO_NOT_PRESENTABLE');
    expect(twoPackages.errors).toEqual([
      { path: 'packages', message: 'an iSFP has exactly 1 or 3 to 5 packages, not 2' },
      { path: 'packages[1]', message: 'package 2 has no measures' },
    ]);
    await expectAppError(measure(draft.id, 3), 422, 'PROJECTS_INVALID');
    const three = await asErik(() => scenarios.update(draft.id, draft.version, { packages: [{ title: 'Hülle' }, { title: 'Fenster' }, { title: 'Dach', plannedYear: 2029 }] }));
    await measure(draft.id, 2, { kind: 'windows', title: 'Fenster', componentIds: [windowId], newLayers: null });
    await measure(draft.id, 3, { kind: 'ceiling_insulation', title: 'Decke', componentIds: [ceilingId], newLayers: EPS(240) });
    const uncomputable = await expectAppError(asErik(() => presentation.present(draft.id, three.version)), 409, 'PROJECTS_SCENARIO_NOT_PRESENTABLE');
    expect(uncomputable.errors).toEqual([{ path: 'measures[1]', message: 'the windows measure gives no resulting U-value for some components (new layers or a target U-value)' }]);
    const windows = (await asErik(() => measures.ofScenario(draft.id))).find((m) => m.kind === 'windows')!;
    await asErik(() => measures.update(windows.id, windows.version, { targetUValue: 0.9 }));

    const presented = await asErik(() => presentation.present(draft.id, three.version));
    expect(presented).toMatchObject({ frozen: true, scenario: { status: 'presented' }, snapshot: { version: 1 } });
    const checks = presented.detail.measures.flatMap((m) => m.checks.map((c) => `${m.kind} ${c.requirementSetKey} ${c.outcome} ${c.uValueRounded}`));
    // 160 mm EPS on 300 mm brick: U = 1/(0.13 + 0.441 + 4.571 + 0.04) = 0.193; 240 mm on the ceiling: 0.14; windows U_w 0.90.
    expect(checks).toEqual([
      'wall_insulation beg_em_tma pass 0.19',
      'wall_insulation geg_anlage_7 pass 0.19',
      'windows beg_em_tma pass 0.9',
      'windows geg_anlage_7 pass 0.9',
      'ceiling_insulation beg_em_tma pass 0.14',
      'ceiling_insulation geg_anlage_7 pass 0.14',
    ]);
    expect(presented.detail.totals).toMatchObject({ measureCount: 3, costEstimateNetCents: 9_000_000 });
    const { rows } = await ctx.admin.query(`select content, content_hash from scenario_snapshots where scenario_id = $1`, [draft.id]);
    expect(rows[0].content_hash).toBe(createHash('sha256').update(canonicalJson(rows[0].content)).digest('hex'));
    expect(await asErik(() => ctx.get(ProjectsService).get(projectId))).toMatchObject({ status: 'scenarios_presented' });

    const { rows: events } = await ctx.admin.query(`select payload from domain_events where aggregate_id = $1 and type = 'projects.scenario.presented'`, [draft.id]);
    expect(events[0].payload).toMatchObject({ snapshotId: presented.snapshot!.id, contentHash: rows[0].content_hash, packageCount: 3, totals: { measureCount: 3 } });
    expect(events[0].payload.measures.map((m: { kind: string; checks: unknown[] }) => [m.kind, m.checks.length])).toEqual([['wall_insulation', 2], ['windows', 2], ['ceiling_insulation', 2]]);
  });

  it('freezes the presented scenario: no edits, components and reference data changing later leave it alone', async () => {
    const draft = await asErik(() => scenarios.create({ buildingId, name: 'Einzelschritt', kind: 'isfp', packages: [{ title: 'Alles' }] }));
    const wall = await measure(draft.id, 1, { newLayers: EPS(120), plannedDate: '2031-06-01' });
    const presented = await asErik(() => presentation.present(draft.id, undefined));
    // In 2031 no BEG version is seeded: only GEG checks it (120 mm: U 0.25 exceeds 0.24).
    expect(presented.detail.measures[0].checks.map((c) => [c.requirementSetKey, c.outcome])).toEqual([['geg_anlage_7', 'fail']]);

    await expectAppError(asErik(() => measures.update(wall.id, wall.version, { newLayers: EPS(200) })), 409, 'PROJECTS_SCENARIO_NOT_DRAFT');
    await expectAppError(measure(draft.id, 1), 409, 'PROJECTS_SCENARIO_NOT_DRAFT');
    await expectAppError(asErik(() => measures.remove(wall.id, wall.version)), 409, 'PROJECTS_SCENARIO_NOT_DRAFT');
    await expectAppError(asErik(() => scenarios.update(draft.id, presented.scenario.version, { name: 'Neu' })), 409, 'PROJECTS_SCENARIO_NOT_DRAFT');
    await expectAppError(asErik(() => presentation.present(draft.id, undefined)), 409, 'PROJECTS_SCENARIO_NOT_DRAFT');

    // A new BEG version for 2031 (a later seed) and a corrected wall build-up.
    await ctx.admin.query(`insert into requirement_sets (id, key, kind, short_name, name, version_label, legal_basis, valid_from, valid_to, source)
      select gen_random_uuid(), key, kind, short_name, name, 'BEG EM 2031 (Test)', legal_basis, '2031-01-01', null, 'test' from requirement_sets where version_label = 'BEG EM 2026'`);
    await ctx.admin.query(`insert into requirement_limits (requirement_set_id, category, trigger, quantity, u_max, citation, component_label)
      select id, 'external_wall_air', 'any', 'u', 0.15, 'TMA 2031', '{"de":"Außenwände","en":"external walls"}' from requirement_sets where version_label = 'BEG EM 2031 (Test)'`);
    const components = ctx.get(ComponentsService);
    const current = await asErik(() => components.get(wallId));
    await asErik(() => components.update(wallId, current.version, { layers: [{ name: 'Vollziegel', thicknessMm: 365, lambda: 0.68 }] }));

    const again = await asErik(() => view.full(draft.id));
    expect(again.detail).toEqual(presented.detail);
    expect(again.snapshot!.contentHash).toBe(presented.snapshot!.contentHash);

    const revision = await asErik(() => copies.revise(draft.id));
    expect(revision).toMatchObject({ status: 'draft', revision: 2, previousRevisionId: draft.id, name: 'Einzelschritt' });
    const live = await asErik(() => view.full(revision.id));
    expect(live.frozen).toBe(false);
    expect(live.detail.measures[0].checks.map((c) => [c.requirementSetVersion, c.uMax, c.outcome])).toEqual([
      ['BEG EM 2031 (Test)', 0.15, 'fail'],
      ['GEG i. d. F. des GModG (2026)', 0.24, 'pass'],
    ]);
    // The revision sees the corrected wall (365 mm brick: U 0.24) and the new BEG version.
    expect(live.detail.measures[0].checks[0].explanation.en).toBe('U = 0.24 W/(m²·K) exceeds the BEG minimum 0.15 for external walls.');
    const revised = await asErik(() => presentation.present(revision.id, undefined));
    expect(revised.scenario.status).toBe('presented');
    expect(await asErik(() => scenarios.get(draft.id))).toMatchObject({ status: 'superseded' });
  });

  it('snapshots are append-only for the application role', async () => {
    const app = new Pool({ connectionString: ctx.db.appUrl, max: 1 });
    try {
      await expect(app.query(`update scenario_snapshots set content_hash = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`delete from scenario_snapshots`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('accepts or rejects a presented scenario; copies keep the measures in a new draft', async () => {
    const source = await asErik(() => scenarios.create({ buildingId, name: 'Variante A', kind: 'comparison', packages: [] }));
    await measure(source.id, null, { newLayers: null, targetUValue: 0.18 });
    await measure(source.id, null, { kind: 'heat_pump_air', title: 'Luft-Wasser-Wärmepumpe', componentIds: [], newLayers: null });
    await expectAppError(asErik(() => presentation.changeStatus(source.id, undefined, 'accepted')), 409, 'PROJECTS_SCENARIO_ILLEGAL_TRANSITION');
    const copy = await asErik(() => copies.copy(source.id, {}));
    expect(copy).toMatchObject({ name: 'Variante A (Kopie)', copiedFromId: source.id, status: 'draft', revision: 1 });
    expect((await asErik(() => measures.ofScenario(copy.id))).map((m) => m.kind)).toEqual(['wall_insulation', 'heat_pump_air']);
    await asErik(() => presentation.present(source.id, undefined));
    expect(await asErik(() => presentation.changeStatus(source.id, undefined, 'accepted'))).toMatchObject({ status: 'accepted' });
    await expectAppError(asErik(() => presentation.changeStatus(source.id, undefined, 'rejected')), 409, 'PROJECTS_SCENARIO_ILLEGAL_TRANSITION');
    await expectAppError(asErik(() => copies.revise(copy.id)), 409, 'PROJECTS_SCENARIO_IS_DRAFT');
    const facts = await asErik(() => ctx.get(ProjectsQueries).buildingFundingFacts(buildingId));
    expect(facts?.isfp).toMatchObject({ scenarioId: expect.any(String) });
  });

  it('guards components and packages that draft measures use', async () => {
    const draft = await asErik(() => scenarios.create({ buildingId, name: 'Schutz', kind: 'isfp', packages: [{ title: 'A' }, { title: 'B' }, { title: 'C' }] }));
    await measure(draft.id, 3, { kind: 'ceiling_insulation', componentIds: [ceilingId] });
    const components = ctx.get(ComponentsService);
    const ceiling = await asErik(() => components.get(ceilingId));
    await expectAppError(asErik(() => components.remove(ceilingId, ceiling.version)), 409, 'PROJECTS_COMPONENT_IN_USE');
    await expectAppError(asErik(() => scenarios.update(draft.id, draft.version, { packages: [{ title: 'A' }] })), 409, 'PROJECTS_PACKAGE_IN_USE');
    await expectAppError(measure(draft.id, 1, { kind: 'roof_insulation' }), 422, 'PROJECTS_INVALID');
  });

  it('the project timeline shows the changes of the project and everything in it, within the reader’s permissions', async () => {
    await drainOutbox(ctx.app);
    const timelines = ctx.get(ProjectTimelineService);
    const page = await asErik(() => timelines.timeline(projectId, { limit: 200 }));
    const types = new Set(page.items.map((i) => i.entityType));
    expect([...types].sort()).toEqual(['building', 'building_component', 'measure', 'project', 'scenario']);
    const times = page.items.map((i) => i.occurredAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await asErik(() => timelines.timeline(projectId, { limit: 7, cursor }));
      paged.push(...next.items.map((i) => i.id));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(page.items.map((i) => i.id));
    const projectOnly = await ctx.as(erik, { 'projects.projects:read': 'department' }, () => timelines.timeline(projectId, { limit: 200 }));
    expect(new Set(projectOnly.items.map((i) => i.entityType))).toEqual(new Set(['project']));
  });
});
