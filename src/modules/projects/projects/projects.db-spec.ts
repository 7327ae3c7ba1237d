import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { drainOutbox } from '@libs/testing/outbox';
import { CONSULTING, createContact, expectAppError, SALES, useProjectsTestContext } from '../../../../test/support/projects-fixtures';
import type { CreateLeadDto } from '../../crm/leads/lead.dto';
import { LeadConversionService } from '../../crm/leads/lead-conversion.service';
import { LeadsService } from '../../crm/leads/leads.service';
import { ProjectsCommands } from '../projects.commands';
import { ProjectsQueries } from '../projects.queries';
import type { ListProjectsQueryDto } from './project.dto';
import { ProjectCreationService } from './project-creation.service';
import { ProjectsService } from './projects.service';

describe('projects (module, PostgreSQL)', () => {
  const ctx = useProjectsTestContext();
  const projects = lazyProvider(ctx, ProjectsService);
  const creation = lazyProvider(ctx, ProjectCreationService);
  let erik: ModuleTestUser, frida: ModuleTestUser, anna: ModuleTestUser;
  let contactId: string;
  beforeAll(async () => {
    ({ erik, frida, anna } = ctx.users);
    contactId = await createContact(ctx, erik, 'Schmidt');
  });
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date());
  const asErik = <T>(fn: () => Promise<T>) => ctx.as(erik, 'department', fn);
  const eventsOf = async (id: string) => (await ctx.admin.query(`select type, payload from domain_events where aggregate_id = $1 order by occurred_at, id`, [id])).rows;

  /** A lead created and converted by `user` (in their department), assigned to them. */
  async function convertedLead(lastName: string, overrides: Partial<CreateLeadDto> = {}, user: ModuleTestUser = erik) {
    const lead = await ctx.as(user, 'department', () =>
      ctx.get(LeadsService).create({
        source: 'website_form',
        status: 'qualified',
        lastName,
        interests: ['heat_pump', 'insulation'],
        propertyAddress: { street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin' },
        buildingType: 'single_family',
        yearBuilt: 1968,
        livingAreaM2: 142.5,
        residentialUnits: 1,
        ownerOccupied: true,
        assigneeId: user.id,
        allowDuplicates: true,
        ...overrides,
      } as CreateLeadDto),
    );
    return ctx.as(user, 'department', () => ctx.get(LeadConversionService).convert(lead.id, undefined, {}));
  }

  it('numbers projects P-<year>-<serial>, owned by the creator in their department, with a created event', async () => {
    const created = await asErik(() => creation.create({ title: 'Sanierung Schmidt', contactId }));
    expect(created).toMatchObject({ status: 'new', ownerId: erik.id, departmentId: CONSULTING, contactId, interests: [], sourceLeadId: null });
    expect(created.number).toMatch(new RegExp(`^P-${year}-\\d{5}$`));
    const [event] = await eventsOf(created.id);
    expect(event).toMatchObject({ type: 'projects.project.created', payload: { snapshot: { number: created.number, title: 'Sanierung Schmidt', status: 'new' } } });
  });

  it('gives concurrent creations distinct, consecutive numbers (the year counter row serialises them)', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => asErik(() => creation.create({ title: `Parallel ${i}`, contactId }))));
    const serials = results.map((p) => Number(p.number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(12);
    expect(serials[11] - serials[0]).toBe(11);
    const { rows } = await ctx.admin.query(`select number, count(*)::int as n from projects group by number having count(*) > 1`);
    expect(rows).toEqual([]);
  });

  it('a rolled-back creation gives its number back', async () => {
    const before = (await ctx.admin.query(`select last_value from project_number_counters where year = $1`, [Number(year)])).rows[0].last_value as number;
    await expectAppError(asErik(() => creation.create({ title: 'Ghost', contactId, companyId: '00000000-0000-4000-8000-00000000dead' })), 422, 'REFERENCE_NOT_FOUND');
    const after = (await ctx.admin.query(`select last_value from project_number_counters where year = $1`, [Number(year)])).rows[0].last_value as number;
    expect(after).toBe(before);
  });

  it('needs a contact the creator may read', async () => {
    await expectAppError(asErik(() => creation.create({ title: 'Ohne Kontakt' })), 422, 'PROJECTS_CONTACT_REQUIRED');
    const salesContact = await createContact(ctx, anna, 'Vertrieb');
    await expectAppError(ctx.as(erik, 'own', () => creation.create({ title: 'Fremder Kontakt', contactId: salesContact })), 422, 'REFERENCE_NOT_FOUND');
  });

  describe('from a converted lead', () => {
    it('directly: takes contact, interests and the property as the first building; one project per lead', async () => {
      const lead = await convertedLead('Direkt');
      const created = await asErik(() => creation.create({ title: 'Direkt aus Lead', sourceLeadId: lead.id }));
      expect(created).toMatchObject({ contactId: lead.convertedContactId, sourceLeadId: lead.id, interests: ['heat_pump', 'insulation'], ownerId: erik.id });
      const { rows: buildings } = await ctx.admin.query(`select street, city, building_type, year_of_construction, heated_living_area_m2, owner_occupied_units from buildings where project_id = $1`, [created.id]);
      expect(buildings).toEqual([{ street: 'Lindenallee 4', city: 'Berlin', building_type: 'single_family', year_of_construction: 1968, heated_living_area_m2: '142.50', owner_occupied_units: 1 }]);
      await expectAppError(asErik(() => creation.create({ title: 'Nochmal', sourceLeadId: lead.id })), 409, 'PROJECTS_LEAD_HAS_PROJECT');
      // The subscriber finds the project made directly and adds none.
      await drainOutbox(ctx.app);
      expect((await ctx.admin.query(`select count(*)::int as n from projects where source_lead_id = $1`, [lead.id])).rows[0].n).toBe(1);
    });

    it('refuses a lead that is not converted, and one outside the CRM scope', async () => {
      const open = await asErik(() => ctx.get(LeadsService).create({ source: 'phone', lastName: 'Offen', allowDuplicates: true } as CreateLeadDto));
      await expectAppError(asErik(() => creation.create({ title: 'Offen', sourceLeadId: open.id, contactId })), 409, 'PROJECTS_LEAD_NOT_CONVERTED');
      const salesLead = await convertedLead('Fremd', {}, anna);
      await expectAppError(asErik(() => creation.create({ title: 'Fremd', sourceLeadId: salesLead.id })), 422, 'REFERENCE_NOT_FOUND');
    });

    it('by the crm.lead.converted subscriber: a project owned by the lead’s assignee in its department, exactly once', async () => {
      const lead = await convertedLead('Abonnent', { companyName: null }, anna);
      await drainOutbox(ctx.app);
      await drainOutbox(ctx.app);
      const { rows } = await ctx.admin.query(`select id, title, owner_id, department_id, interests, created_by from projects where source_lead_id = $1`, [lead.id]);
      expect(rows).toEqual([
        { id: expect.any(String), title: 'Abonnent – Lindenallee 4, Berlin', owner_id: anna.id, department_id: SALES, interests: '{heat_pump,insulation}', created_by: expect.any(String) },
      ]);
      const facade = await ctx.as(anna, 'department', () => ctx.get(ProjectsQueries).projectOfLead(lead.id));
      expect(facade?.id).toBe(rows[0].id);
      const events = (await eventsOf(rows[0].id)).map((e) => e.type);
      expect(events).toEqual(['projects.project.created']);
      expect((await eventsOf(rows[0].id))[0].payload.fromLeadId).toBe(lead.id);
      const { rows: buildings } = await ctx.admin.query(`select count(*)::int as n from buildings where project_id = $1`, [rows[0].id]);
      expect(buildings[0].n).toBe(1);
    });
  });

  describe('status', () => {
    it('moves by the rules: 409 naming the allowed moves, cancelling needs a reason, the same status changes nothing', async () => {
      const project = await asErik(() => creation.create({ title: 'Status', contactId }));
      const illegal = await expectAppError(asErik(() => projects.changeStatus(project.id, undefined, 'quoted', undefined)), 409, 'PROJECTS_PROJECT_ILLEGAL_TRANSITION');
      expect(illegal.extensions).toMatchObject({ allowed: ['survey_planned', 'surveyed', 'cancelled'] });
      const planned = await asErik(() => projects.changeStatus(project.id, project.version, 'survey_planned', undefined));
      expect(planned).toMatchObject({ status: 'survey_planned', version: 2 });
      await expectAppError(asErik(() => projects.changeStatus(project.id, project.version, 'surveyed', undefined)), 412, 'PRECONDITION_FAILED');
      const again = await asErik(() => projects.changeStatus(project.id, undefined, 'survey_planned', undefined));
      expect(again.version).toBe(2);
      await expectAppError(asErik(() => projects.changeStatus(project.id, undefined, 'cancelled', ' ')), 422, 'PROJECTS_PROJECT_CANCELLATION_REASON_REQUIRED');
      const cancelled = await asErik(() => projects.changeStatus(project.id, undefined, 'cancelled', 'Haus verkauft'));
      expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'Haus verkauft' });
      await expectAppError(asErik(() => projects.changeStatus(project.id, undefined, 'new', undefined)), 409, 'PROJECTS_PROJECT_ILLEGAL_TRANSITION');
      const changes = (await eventsOf(project.id)).filter((e) => e.type === 'projects.project.status_changed');
      expect(changes.map((e) => [e.payload.from, e.payload.to, e.payload.reason])).toEqual([
        ['new', 'survey_planned', null],
        ['survey_planned', 'cancelled', 'Haus verkauft'],
      ]);
    });

    it('ProjectsCommands moves through the same rules; with ifAllowed a late move is left out', async () => {
      const project = await asErik(() => creation.create({ title: 'Befehle', contactId }));
      const commands = ctx.get(ProjectsCommands);
      expect(await commands.changeStatus(project.id, 'surveyed')).toEqual({ changed: true, from: 'new', to: 'surveyed' });
      await expectAppError(commands.changeStatus(project.id, 'contracted'), 409, 'PROJECTS_PROJECT_ILLEGAL_TRANSITION');
      expect(await commands.changeStatus(project.id, 'survey_planned', { ifAllowed: true })).toEqual({ changed: false, from: 'surveyed', to: 'surveyed' });
      expect(await commands.changeStatus(project.id, 'surveyed')).toEqual({ changed: false, from: 'surveyed', to: 'surveyed' });
    });
  });

  describe('scopes', () => {
    it('a consultant changes the projects they own or created and reads their department’s', async () => {
      const eriks = await asErik(() => creation.create({ title: 'Eriks Projekt', contactId }));
      const fridas = await ctx.as(frida, 'department', () => creation.create({ title: 'Fridas Projekt', contactId }));
      const asConsultant = <T>(user: ModuleTestUser, fn: () => Promise<T>) =>
        ctx.as(user, { 'projects.projects:read': 'department', 'projects.projects:update': 'own', 'crm.contacts:read': 'department' }, fn);
      const visible = await asConsultant(erik, () => projects.list({ limit: 200, deleted: 'exclude', q: 'projekt' } as ListProjectsQueryDto));
      expect(visible.items.map((p) => p.title).sort()).toEqual(['Eriks Projekt', 'Fridas Projekt']);
      await expectAppError(asConsultant(erik, () => projects.update(fridas.id, fridas.version, { title: 'Gekapert' })), 404, 'PROJECTS_PROJECT_NOT_FOUND');
      await expectAppError(asConsultant(erik, () => projects.changeStatus(fridas.id, undefined, 'surveyed', undefined)), 404, 'PROJECTS_PROJECT_NOT_FOUND');
      expect(await asConsultant(erik, () => projects.update(eriks.id, eriks.version, { title: 'Eriks Projekt (neu)' }))).toMatchObject({ title: 'Eriks Projekt (neu)' });
      // A consultant of another department sees neither.
      const other = await ctx.as(ctx.users.otto, { 'projects.projects:read': 'department' }, () => projects.list({ limit: 200, deleted: 'exclude', q: 'projekt' } as ListProjectsQueryDto));
      expect(other.items.map((p) => p.id)).not.toContain(eriks.id);
    });

    it('deleting a project hides it; restore brings it back', async () => {
      const project = await asErik(() => creation.create({ title: 'Löschen', contactId }));
      await asErik(() => projects.remove(project.id, project.version));
      const live = await asErik(() => projects.list({ limit: 200, deleted: 'exclude', q: 'löschen' } as ListProjectsQueryDto));
      expect(live.items).toEqual([]);
      await expectAppError(ctx.as(erik, { 'projects.projects:read': 'all' }, () => projects.get(project.id)), 404, 'PROJECTS_PROJECT_NOT_FOUND');
      const restored = await asErik(() => projects.restore(project.id, undefined));
      expect(restored.deletedAt).toBeNull();
    });
  });
});
