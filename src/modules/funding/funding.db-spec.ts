import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { runAsActor } from '@libs/context';
import { EventOutbox } from '@libs/events';
import { drainOutbox } from '@libs/testing/outbox';
import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { seedUuid } from '../../db/seeds/seed-utils';
import { Readable } from 'node:stream';
import { DocumentsService } from '../documents/documents/documents.service';
import { FilesService } from '../documents/files/files.service';
import { FUNDING_PROGRAMS } from './programs/funding-programs.data';
import { ApplicationStatusService } from './applications/application-status.service';
import { ApplicationsService } from './applications/applications.service';
import { addDays } from './applications/application.rules';
import { CalculationsService } from './calculator/calculations.service';
import { ContractsService } from './contracts/contracts.service';
import { FundingDeadlineCheck } from './deadlines/funding-deadline.check';
import { ProgramsService } from './programs/programs.service';
import { berlinDate } from '@libs/shared';

const ALL = {
  'funding.programs:read': 'all',
  'funding.programs:manage': 'all',
  'funding.calculations:read': 'all',
  'funding.calculations:create': 'all',
  'funding.applications:read': 'all',
  'funding.applications:create': 'all',
  'funding.applications:update': 'all',
  'funding.applications:delete': 'all',
  'funding.contracts:read': 'all',
  'funding.contracts:create': 'all',
  'projects.projects:read': 'all',
  'projects.buildings:read': 'all',
  'projects.scenarios:read': 'all',
  'documents.documents:read': 'all',
  'documents.documents:create': 'all',
} as const;
const KFW_458 = seedUuid('fundingPrograms', 'kfw_458');
const EBW = seedUuid('fundingPrograms', 'ebw');

describe('funding (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({ permissions: [], users: { erik: { department: 'energy_consulting', roles: ['energy_consultant'] } } });
  const programs = lazyProvider(ctx, ProgramsService);
  const calculations = lazyProvider(ctx, CalculationsService);
  const applications = lazyProvider(ctx, ApplicationsService);
  const status = lazyProvider(ctx, ApplicationStatusService);
  const contracts = lazyProvider(ctx, ContractsService);
  const deadlines = lazyProvider(ctx, FundingDeadlineCheck);
  const files = lazyProvider(ctx, FilesService);
  const documents = lazyProvider(ctx, DocumentsService);
  const asErik = <T>(fn: () => Promise<T>) => ctx.as(ctx.users.erik, ALL, fn);

  /** A project with a two-unit building (oil boiler of 1995) and a scenario with a heat pump of €41,000. */
  async function scenario(): Promise<{ projectId: string; scenarioId: string; measureId: string }> {
    const [contactId, projectId, buildingId, scenarioId, measureId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const dept = ctx.department('energy_consulting');
    await ctx.admin.query(`insert into contacts (id, last_name, department_id) values ($1, 'Weber', $2)`, [contactId, dept]);
    await ctx.admin.query(`insert into projects (id, number, title, contact_id, interests, department_id, owner_id, search_text) values ($1, $2, 'Haus Weber', $3, '{heat_pump}', $4, $5, 'haus weber')`, [
      projectId,
      `P-2026-${projectId.slice(0, 5)}`,
      contactId,
      dept,
      ctx.users.erik.id,
    ]);
    await ctx.admin.query(
      `insert into buildings (id, project_id, residential_units, owner_occupied_units, year_of_construction, heating_kind, heating_year_installed, heating_working) values ($1, $2, 2, 1, 1965, 'oil_boiler', 1995, true)`,
      [buildingId, projectId],
    );
    await ctx.admin.query(`insert into scenarios (id, project_id, building_id, name, kind, packages, search_text) values ($1, $2, $3, 'Heizungstausch', 'comparison', '[]', 'heizungstausch')`, [scenarioId, projectId, buildingId]);
    await ctx.admin.query(
      `insert into measures (id, project_id, building_id, scenario_id, position, kind, component_ids, title, trigger, cost_estimate_net_cents) values ($1, $2, $3, $4, 1, 'heat_pump_air', '{}', 'Wärmepumpe', 'any', 4100000)`,
      [measureId, projectId, buildingId, scenarioId],
    );
    return { projectId, scenarioId, measureId };
  }

  it('selects the rule version valid on the date, and answers 422 where none is valid (EBW after 2026)', async () => {
    const before = await asErik(() => programs.rulesOn(['kfw_458'], '2026-07-20'));
    const after = await asErik(() => programs.rulesOn(['kfw_458'], '2026-07-21'));
    expect(before.kfw_458!.id).toBe(seedUuid('fundingPrograms', 'kfw_458:rule:2024-02-27'));
    expect(after.kfw_458!.id).toBe(seedUuid('fundingPrograms', 'kfw_458:rule:2026-07-21'));
    await expectAppError(asErik(() => programs.rulesOn(['ebw'], '2027-01-01')), 422, 'FUNDING_NO_RULE_ON_DATE');
    const preview = asErik(() => calculations.preview({ date: '2027-01-15', routes: ['estg_35c'], household: { ownerOccupied: true }, consultationFeeCents: 165_000 }));
    await expect(preview).rejects.toThrow(/No rule of programme ebw valid on 2027-01-15/);
  });

  it('adds a rule version (audited) and refuses an overlapping one (409) and a body of the wrong kind (422)', async () => {
    const body = FUNDING_PROGRAMS.find((p) => p.key === 'ebw')!.versions[1].body;
    const created = await asErik(() => programs.createVersion(EBW, { versionLabel: 'EBW 2027', validFrom: '2027-01-01', validTo: '2027-12-31', source: 'test guideline', body: { ...body } }));
    expect(created.programKey).toBe('ebw');
    await expectAppError(asErik(() => programs.createVersion(EBW, { versionLabel: 'x', validFrom: '2027-06-01', validTo: null, source: 's', body: { ...body } })), 409, 'FUNDING_RULE_VERSION_OVERLAP');
    const kfwBody = FUNDING_PROGRAMS.find((p) => p.key === 'kfw_458')!.versions[1].body;
    await expectAppError(asErik(() => programs.createVersion(EBW, { versionLabel: 'x', validFrom: '2028-01-01', validTo: null, source: 's', body: { ...kfwBody } })), 422, 'FUNDING_RULE_BODY_INVALID');
    // The database refuses an overlap even past the service (exclusion constraint).
    await expect(
      ctx.admin.query(`insert into funding_rule_versions (program_id, version_label, valid_from, valid_to, source, body) values ($1, 'x', '2027-03-01', null, 's', '{}')`, [EBW]),
    ).rejects.toThrow(/funding_rule_versions_no_overlap/);
    const now = await asErik(() => calculations.preview({ date: '2027-03-01', routes: ['estg_35c'], household: { ownerOccupied: true }, consultationFeeCents: 165_000 }));
    expect(now.consultation!.ruleVersionId).toBe(created.id);
    await drainOutbox(ctx.app);
    const audit = await ctx.admin.query(`select action from audit_logs where entity_id = $1`, [created.id]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['funding.rule_version.created']);
  });

  it('stores a calculation of a scenario with its inputs and rule versions; the row is immutable', async () => {
    const { projectId, scenarioId } = await scenario();
    const stored = await asErik(() => calculations.store({ date: '2026-10-15', scenarioId, routes: ['beg_em_kfw_458'], household: { ownerOccupied: true } }));
    // W1 of domain-2026.md §8, now from the project's facts: 2 units, 1 owner-occupied, oil boiler 31 years old.
    expect(stored.bestTotalCents).toBe(1_558_000);
    expect(stored.projectId).toBe(projectId);
    expect(stored.ruleVersionIds).toContain(seedUuid('fundingPrograms', 'kfw_458:rule:2026-07-21'));
    expect((stored.input as { building: { units: number } }).building.units).toBe(2);
    const writer = new Pool({ connectionString: ctx.db.appUrl, max: 1 });
    try {
      await expect(writer.query(`update funding_calculations set best_total_cents = 0 where id = $1`, [stored.id])).rejects.toThrow(/permission denied/);
    } finally {
      await writer.end();
    }
  });

  it('runs the pipeline; the start-of-project rule refuses a contract without the funding clause', async () => {
    const { projectId, scenarioId, measureId } = await scenario();
    const created = await asErik(() => applications.create({ projectId, programId: KFW_458, scenarioId, measureIds: [measureId], title: 'Heizungstausch', bzaId: 'BZA-2026-0001' }));
    const prepared = await asErik(() => status.move(created.id, created.version, { status: 'prepared' }));
    await asErik(() => contracts.record({ projectId, reference: 'Werkvertrag 117', signedAt: new Date('2026-10-01T10:00:00Z'), withFundingClause: false }));
    await expectAppError(asErik(() => status.move(created.id, prepared.version, { status: 'submitted', submittedOn: '2026-10-15' })), 422, 'FUNDING_CONTRACT_WITHOUT_FUNDING_CLAUSE');
    await expectAppError(asErik(() => status.move(created.id, prepared.version, { status: 'paid' })), 409, 'FUNDING_APPLICATION_TRANSITION_NOT_ALLOWED');
  });

  it('records accepted quotes once and lets an application with the clause be submitted and approved', async () => {
    const { projectId } = await scenario();
    const quote = { quoteId: randomUUID(), number: 'A-2026-0042', version: 2, projectId, contactId: randomUUID(), acceptedAt: '2026-10-01T09:00:00Z', method: 'portal' as const, withFundingClause: true, totalNetCents: 100, totalGrossCents: 119 };
    await runAsActor(() => contracts.fromAcceptedQuote(quote));
    await runAsActor(() => contracts.fromAcceptedQuote(quote));
    const rows = await ctx.admin.query(`select source, with_funding_clause from funding_contracts where project_id = $1`, [projectId]);
    expect(rows.rows).toEqual([{ source: 'quote_accepted', with_funding_clause: true }]);
    // Through the outbox as finance will publish it: the subscriber records it (once).
    const delivered = { ...quote, quoteId: randomUUID(), number: 'A-2026-0043' };
    await ctx.as(ctx.users.erik, ALL, () =>
      contracts.steps.transaction(() => ctx.get(EventOutbox).append({ type: 'finance.quote.accepted', aggregateType: 'quote', aggregateId: delivered.quoteId, payload: delivered })),
    );
    await drainOutbox(ctx.app);
    const fromEvent = await ctx.admin.query(`select reference from funding_contracts where quote_id = $1`, [delivered.quoteId]);
    expect(fromEvent.rows).toEqual([{ reference: 'A-2026-0043 v2' }]);
    const created = await asErik(() => applications.create({ projectId, programId: KFW_458, title: 'Heizung' }));
    let app = await asErik(() => status.move(created.id, created.version, { status: 'prepared' }));
    app = await asErik(() => status.move(app.id, app.version, { status: 'submitted', submittedOn: '2026-10-15' }));
    await expectAppError(asErik(() => status.move(app.id, app.version, { status: 'approved' })), 422, 'FUNDING_APPLICATION_FIELDS_MISSING');
    app = await asErik(() => status.move(app.id, app.version, { status: 'approved', approvedAmountCents: 1_558_000, approvedOn: '2026-10-20', implementationDeadline: '2029-10-20', proofDeadline: '2030-04-20' }));
    expect(app.status).toBe('approved');
    await drainOutbox(ctx.app);
    const events = await ctx.admin.query(`select action from audit_logs where entity_id = $1 order by seq`, [app.id]);
    expect(events.rows.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['funding.application.created', 'funding.application.submitted', 'funding.application.approved', 'funding.application.status_changed']),
    );
  });

  it('emits deadline_approaching once per application, kind and due day, however often the check runs', async () => {
    const { projectId } = await scenario();
    const created = await asErik(() => applications.create({ projectId, programId: KFW_458, title: 'Fristen' }));
    let app = await asErik(() => status.move(created.id, created.version, { status: 'prepared' }));
    app = await asErik(() => status.move(app.id, app.version, { status: 'submitted', submittedOn: '2026-10-15' }));
    await asErik(() => status.move(app.id, app.version, { status: 'approved', approvedAmountCents: 100, approvedOn: '2026-10-20', implementationDeadline: '2031-02-10', proofDeadline: '2031-08-10' }));
    const at = { now: new Date('2031-01-20T06:00:00Z'), today: '2031-01-20' };
    const first = await runAsActor(() => deadlines.run(at));
    const second = await runAsActor(() => deadlines.run(at));
    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBe(0);
    const events = await ctx.admin.query(`select payload from domain_events where type = 'funding.application.deadline_approaching' and aggregate_id = $1`, [app.id]);
    expect(events.rows.map((r: { payload: { kind: string; daysLeft: number } }) => [r.payload.kind, r.payload.daysLeft])).toEqual([['implementation', 21]]);
    const listed = await asErik(() => applications.list({ deadline: 'due_soon', limit: 50, deleted: 'exclude' } as never));
    expect(listed.items.map((i) => i.id)).not.toContain(app.id); // due soon relative to the real today, not 2031
  });

  it("links documents to the programme's checklist items by key", async () => {
    const { projectId } = await scenario();
    const application = await asErik(() => applications.create({ projectId, programId: KFW_458, title: 'Nachweise' }));
    const document = await asErik(async () => {
      const file = await files.upload({ stream: Readable.from([Buffer.from('%PDF-1.4\n%%EOF\n')]), filename: 'zusage.pdf', declaredType: 'application/pdf' });
      return documents.create({ fileId: file.id, typeId: seedUuid('documentTypes', 'funding_approval:2025-01-01'), title: { de: 'Zusage', en: 'Approval' }, links: [{ type: 'funding_application', id: application.id }] });
    });
    // A document the actor may not read cannot be linked (its id would show in the checklist).
    const { 'documents.documents:read': _read, ...withoutDocumentRead } = ALL;
    await expectAppError(ctx.as(ctx.users.erik, withoutDocumentRead, () => applications.linkDocument(application.id, { itemKey: 'approval', documentId: document.id })), 422, 'REFERENCE_NOT_FOUND');
    const checklist = await asErik(() => applications.linkDocument(application.id, { itemKey: 'approval', documentId: document.id }));
    expect(checklist.items.find((i) => i.key === 'approval')).toMatchObject({ fulfilled: true, documentIds: [document.id] });
    expect(checklist.items.find((i) => i.key === 'bnd')).toMatchObject({ fulfilled: false, documentIds: [] });
    await expectAppError(asErik(() => applications.linkDocument(application.id, { itemKey: 'approval', documentId: document.id })), 409, 'FUNDING_DOCUMENT_ALREADY_LINKED');
    await expectAppError(asErik(() => applications.linkDocument(application.id, { itemKey: 'tpb', documentId: document.id })), 422, 'REFERENCE_NOT_FOUND');
    await expectAppError(asErik(() => applications.linkDocument(application.id, { itemKey: 'bnd', documentId: randomUUID() })), 422, 'REFERENCE_NOT_FOUND');
  });

  it('shows and filters deadlines that are due soon or overdue (today in Europe/Berlin)', async () => {
    const { projectId } = await scenario();
    const today = berlinDate();
    const approve = async (implementationDeadline: string) => {
      const created = await asErik(() => applications.create({ projectId, programId: KFW_458, title: `Frist ${implementationDeadline}` }));
      let app = await asErik(() => status.move(created.id, created.version, { status: 'prepared' }));
      app = await asErik(() => status.move(app.id, undefined, { status: 'submitted', submittedOn: addDays(today, -60) }));
      return asErik(() => status.move(app.id, undefined, { status: 'approved', approvedAmountCents: 100, approvedOn: addDays(today, -50), implementationDeadline }));
    };
    const soon = await approve(addDays(today, 10));
    const late = await approve(addDays(today, -1));
    const later = await approve(addDays(today, 200));
    expect([soon, late, later].map((a) => a.implementationDeadlineState)).toEqual(['due_soon', 'overdue', 'open']);
    const ids = async (deadline: 'due_soon' | 'overdue') =>
      (await asErik(() => applications.list({ deadline, projectId, limit: 50, deleted: 'exclude' } as never))).items.map((i) => i.id);
    expect(await ids('due_soon')).toEqual([soon.id]);
    expect(await ids('overdue')).toEqual([late.id]);
  });
});
