import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { expectAppError, SALES, useCrmTestContext } from '../../../../test/support/crm-fixtures';
import type { ListCompaniesQueryDto } from '../companies/company.dto';
import { CompaniesService } from '../companies/companies.service';
import type { CreateLeadDto } from '../leads/lead.dto';
import { LeadsService } from '../leads/leads.service';
import type { ListActivitiesQueryDto } from './activity.dto';
import { ActivitiesService } from './activities.service';

describe('companies and activities (module, PostgreSQL)', () => {
  const ctx = useCrmTestContext();
  const companies = lazyProvider(ctx, CompaniesService);
  const activities = lazyProvider(ctx, ActivitiesService);
  let anna: ModuleTestUser, clara: ModuleTestUser;
  beforeAll(() => ({ anna, clara } = ctx.users));
  const as = <T>(fn: () => Promise<T>) => ctx.as(anna, 'department', fn);

  describe('companies', () => {
    it('create, find by name/e-mail/phone, rename (search follows), delete, restore — each an event', async () => {
      const created = await as(() => companies.create({ name: 'Wohnbau Süd GmbH', legalForm: 'gmbh', vatId: 'DE123456789', email: 'Info@Wohnbau-Sued.de', phone: '089 555 0100' }));
      expect(created).toMatchObject({ email: 'info@wohnbau-sued.de', phone: '+49895550100', ownerId: anna.id, departmentId: SALES, version: 1 });
      const find = (q: string) => as(() => companies.list({ limit: 50, deleted: 'exclude', q } as ListCompaniesQueryDto)).then((p) => p.items.map((c) => c.id));
      expect(await find('wohnbau süd')).toEqual([created.id]);
      expect(await find('info@wohnbau')).toEqual([created.id]);
      expect(await find('089 555 01')).toEqual([created.id]);

      const renamed = await as(() => companies.update(created.id, created.version, { name: 'Wohnbau Nord GmbH' }));
      expect(await find('wohnbau süd')).toEqual([]);
      expect(await find('nord')).toEqual([created.id]);
      await expectAppError(as(() => companies.update(created.id, created.version, { name: 'Stale' })), 412, 'PRECONDITION_FAILED');
      await as(() => companies.remove(created.id, renamed.version));
      expect(await find('nord')).toEqual([]);
      await expectAppError(as(() => companies.remove(created.id, renamed.version + 1)), 404, 'CRM_COMPANY_NOT_FOUND');
      const restored = await as(() => companies.restore(created.id, undefined));
      expect(restored).toMatchObject({ deletedAt: null, version: renamed.version + 2 });
      await expectAppError(as(() => companies.restore(created.id, undefined)), 409, 'CRM_COMPANY_NOT_DELETED');
      const { rows } = await ctx.admin.query(`select type from domain_events where aggregate_id = $1 order by occurred_at`, [created.id]);
      expect(rows.map((r) => r.type)).toEqual(['crm.company.created', 'crm.company.updated', 'crm.company.deleted', 'crm.company.restored']);
    });

    it('sorts by name with a keyset cursor', async () => {
      for (const name of ['Zeta AG', 'alpha eG', 'Mitte KG']) await as(() => companies.create({ name: `Sort ${name}` }));
      const first = await as(() => companies.list({ limit: 2, deleted: 'exclude', q: 'sort ', sort: 'name' } as ListCompaniesQueryDto));
      const second = await as(() => companies.list({ limit: 2, deleted: 'exclude', q: 'sort ', sort: 'name', cursor: first.nextCursor! } as ListCompaniesQueryDto));
      expect([...first.items, ...second.items].map((c) => c.name)).toEqual(['Sort alpha eG', 'Sort Mitte KG', 'Sort Zeta AG']);
      expect(second.nextCursor).toBeNull();
    });

    it('refuses an unknown owner with a 422 naming the field', async () => {
      const error = await expectAppError(as(() => companies.create({ name: 'Ghost', ownerId: '00000000-0000-4000-8000-00000000dead' })), 422, 'REFERENCE_NOT_FOUND');
      expect((error as { errors?: unknown }).errors).toEqual([{ path: 'ownerId', message: 'ownerId must reference an existing user' }]);
    });
  });

  describe('activities', () => {
    it('need a subject the actor can see', async () => {
      await expectAppError(as(() => activities.create({ type: 'note', subject: 'Nothing' })), 400, 'VALIDATION_FAILED');
      const hidden = await ctx.as(clara, 'department', () => ctx.app.get(LeadsService).create({ source: 'phone', lastName: 'Hidden', allowDuplicates: true } as CreateLeadDto));
      await expectAppError(as(() => activities.create({ type: 'note', subject: 'Peek', leadId: hidden.id })), 422, 'REFERENCE_NOT_FOUND');
      await expectAppError(as(() => activities.create({ type: 'note', subject: 'Ghost', companyId: '00000000-0000-4000-8000-00000000dead' })), 422, 'REFERENCE_NOT_FOUND');
    });

    it('are listed by subject and type, changed with versions, deleted and restored', async () => {
      const lead = await as(() => ctx.app.get(LeadsService).create({ source: 'phone', lastName: 'Busy', allowDuplicates: true } as CreateLeadDto));
      const call = await as(() => activities.create({ type: 'call', direction: 'inbound', subject: 'Rückruf', leadId: lead.id, durationMinutes: 5, occurredAt: new Date('2026-11-01T09:00:00Z') }));
      const note = await as(() => activities.create({ type: 'note', subject: 'Notiz', leadId: lead.id }));
      const byLead = await as(() => activities.list({ limit: 50, deleted: 'exclude', leadId: lead.id, sort: '-occurredAt' } as ListActivitiesQueryDto));
      expect(byLead.items.map((a) => a.id)).toEqual([note.id, call.id]);
      const calls = await as(() => activities.list({ limit: 50, deleted: 'exclude', leadId: lead.id, type: ['call'] } as ListActivitiesQueryDto));
      expect(calls.items.map((a) => a.id)).toEqual([call.id]);
      const updated = await as(() => activities.update(call.id, call.version, { durationMinutes: 12, body: 'Angebot gewünscht' }));
      expect(updated).toMatchObject({ durationMinutes: 12, version: 2 });
      await as(() => activities.remove(call.id, updated.version));
      expect((await as(() => activities.list({ limit: 50, deleted: 'exclude', leadId: lead.id } as ListActivitiesQueryDto))).items.map((a) => a.id)).toEqual([note.id]);
      const restored = await as(() => activities.restore(call.id, updated.version + 1));
      expect(restored.deletedAt).toBeNull();
    });

    it('own scope: only activities one owns or created', async () => {
      const lead = await as(() => ctx.app.get(LeadsService).create({ source: 'phone', lastName: 'Shared', allowDuplicates: true } as CreateLeadDto));
      const mine = await as(() => activities.create({ type: 'note', subject: 'Mine', leadId: lead.id }));
      const ben = ctx.users.ben;
      const bens = await ctx.as(ben, 'department', () => activities.create({ type: 'note', subject: 'Bens', leadId: lead.id }));
      const own = await ctx.as(anna, 'own', () => activities.list({ limit: 50, deleted: 'exclude', leadId: lead.id } as ListActivitiesQueryDto));
      expect(own.items.map((a) => a.id)).toEqual([mine.id]);
      await expectAppError(ctx.as(anna, 'own', () => activities.update(bens.id, bens.version, { subject: 'Hijack' })), 404, 'CRM_ACTIVITY_NOT_FOUND');
    });
  });
});
