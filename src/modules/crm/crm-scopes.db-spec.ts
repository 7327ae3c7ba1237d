import { Readable } from 'node:stream';
import type { Scope } from '@libs/auth';
import { assertInTransaction, TransactionRequiredError } from '@libs/db';
import type { ModuleTestUser } from '@libs/testing/module-context';
import { CrmTestContext, expectAppError, useCrmTestContext } from '../../../test/support/crm-fixtures';
import { ActivitiesService } from './activities/activities.service';
import type { ListActivitiesQueryDto } from './activities/activity.dto';
import type { ListCompaniesQueryDto } from './companies/company.dto';
import { CompaniesService } from './companies/companies.service';
import type { ListContactsQueryDto } from './contacts/contact.dto';
import { ContactsService } from './contacts/contacts.service';
import type { CreateLeadDto } from './leads/lead.dto';
import { LeadsImportService } from './leads/leads-import.service';
import { LeadsService } from './leads/leads.service';
import { DuplicatesRepository } from './shared/duplicates.repository';
import { TimelineService } from './timeline/timeline.service';

/**
 * The scope rules across the CRM's resources: timelines, deleted rows, duplicate checks and the
 * plain reads of companies and contacts. Anna and Ben sell (sales), Clara consults (energy consulting).
 */
describe('CRM scopes (module, PostgreSQL)', () => {
  const ctx = useCrmTestContext();
  let anna: ModuleTestUser;
  let ben: ModuleTestUser;
  let clara: ModuleTestUser;
  const page = { limit: 50, deleted: 'exclude' as const };

  beforeAll(() => ({ anna, ben, clara } = ctx.users));

  const newLead = (user: ModuleTestUser, dto: Partial<CreateLeadDto> = {}) =>
    ctx.as(user, 'department', () => ctx.get(LeadsService).create({ source: 'phone', lastName: 'Scoped', allowDuplicates: true, ...dto } as CreateLeadDto));

  describe('timelines', () => {
    it("show only the activities the reader's activity scope covers, as the activity list does", async () => {
      const lead = await newLead(anna);
      const annasNote = await ctx.as(anna, 'department', () => ctx.get(ActivitiesService).create({ type: 'note', subject: 'Sales note', leadId: lead.id }));
      // Clara (consulting) may read every lead and writes a consultant's note on Anna's lead.
      const clarasGrants: Record<string, Scope> = { 'crm.leads:read': 'all', 'crm.activities:create': 'department', 'crm.activities:read': 'department' };
      const clarasNote = await ctx.as(clara, clarasGrants, () => ctx.get(ActivitiesService).create({ type: 'note', subject: 'Consultant note', leadId: lead.id }));

      const annasTimeline = await ctx.as(anna, 'department', () => ctx.get(TimelineService).timeline('lead', lead.id, { limit: 50 }));
      const activityIds = annasTimeline.items.filter((item) => item.kind === 'activity').map((item) => item.id);
      expect(activityIds).toEqual([annasNote.id]);
      const annasList = await ctx.as(anna, 'department', () => ctx.get(ActivitiesService).list({ ...page, leadId: lead.id } as ListActivitiesQueryDto));
      expect(annasList.items.map((a) => a.id)).toEqual(activityIds);

      const withAllActivities = await ctx.as(anna, { 'crm.leads:read': 'department', 'crm.activities:read': 'all' }, () =>
        ctx.get(TimelineService).timeline('lead', lead.id, { limit: 50 }),
      );
      expect(withAllActivities.items.filter((item) => item.kind === 'activity').map((item) => item.id).sort()).toEqual([annasNote.id, clarasNote.id].sort());
      const withoutActivities = await ctx.as(anna, { 'crm.leads:read': 'department' }, () => ctx.get(TimelineService).timeline('lead', lead.id, { limit: 50 }));
      expect(withoutActivities.items.filter((item) => item.kind === 'activity')).toEqual([]);
    });

    it("are 404 for a subject outside the reader's scope", async () => {
      const lead = await newLead(anna);
      await expectAppError(ctx.as(clara, 'department', () => ctx.get(TimelineService).timeline('lead', lead.id, { limit: 50 })), 404, 'CRM_LEAD_NOT_FOUND');
      const company = await ctx.as(anna, 'department', () => ctx.get(CompaniesService).create({ name: 'Nur Vertrieb GmbH' }));
      await expectAppError(ctx.as(clara, 'department', () => ctx.get(TimelineService).timeline('company', company.id, { limit: 50 })), 404, 'CRM_COMPANY_NOT_FOUND');
    });
  });

  describe('deleted rows', () => {
    it('are read and listed within the delete scope, not the read scope', async () => {
      const companies = ctx.get(CompaniesService);
      const annas = await ctx.as(anna, 'department', () => companies.create({ name: 'Gelöscht Anna GmbH' }));
      const bens = await ctx.as(ben, 'department', () => companies.create({ name: 'Gelöscht Ben GmbH' }));
      await ctx.as(anna, 'department', () => companies.remove(annas.id, annas.version));
      await ctx.as(ben, 'department', () => companies.remove(bens.id, bens.version));
      // Anna reads the whole department but may delete (and restore) only her own companies.
      const grants: Record<string, Scope> = { 'crm.companies:read': 'department', 'crm.companies:delete': 'own' };
      const deleted = await ctx.as(anna, grants, () => companies.list({ ...page, deleted: 'only' } as ListCompaniesQueryDto));
      expect(deleted.items.map((c) => c.id)).toContain(annas.id);
      expect(deleted.items.map((c) => c.id)).not.toContain(bens.id);
      const included = await ctx.as(anna, grants, () => companies.list({ ...page, deleted: 'include' } as ListCompaniesQueryDto));
      expect(included.items.map((c) => c.id)).not.toContain(bens.id);
      expect((await ctx.as(anna, grants, () => companies.get(annas.id))).deletedAt).not.toBeNull();
      await expectAppError(ctx.as(anna, grants, () => companies.get(bens.id)), 404, 'CRM_COMPANY_NOT_FOUND');
      await expectAppError(ctx.as(anna, grants, () => companies.restore(bens.id, undefined)), 404, 'CRM_COMPANY_NOT_FOUND');
      // Without the delete permission, deleted rows are not listed at all (403) nor read (404).
      await expectAppError(ctx.as(anna, { 'crm.companies:read': 'all' }, () => companies.list({ ...page, deleted: 'only' } as ListCompaniesQueryDto)), 403, 'AUTH_PERMISSION_DENIED');
      await expectAppError(ctx.as(anna, { 'crm.companies:read': 'all' }, () => companies.get(annas.id)), 404, 'CRM_COMPANY_NOT_FOUND');
    });
  });

  describe('reads of companies and contacts', () => {
    it('own, department and all scopes decide which companies are listed and read', async () => {
      const companies = ctx.get(CompaniesService);
      const annas = await ctx.as(anna, 'department', () => companies.create({ name: 'Scope Anna AG' }));
      const bens = await ctx.as(ben, 'department', () => companies.create({ name: 'Scope Ben AG' }));
      const claras = await ctx.as(clara, 'department', () => companies.create({ name: 'Scope Clara AG' }));
      const seen = async (scope: Scope) =>
        (await ctx.as(anna, scope, () => companies.list({ ...page, q: 'scope' } as ListCompaniesQueryDto))).items.map((c) => c.id).sort();
      expect(await seen('own')).toEqual([annas.id]);
      expect(await seen('department')).toEqual([annas.id, bens.id].sort());
      expect(await seen('all')).toEqual([annas.id, bens.id, claras.id].sort());
      await expectAppError(ctx.as(anna, 'own', () => companies.get(bens.id)), 404, 'CRM_COMPANY_NOT_FOUND');
      await expectAppError(ctx.as(anna, 'department', () => companies.update(claras.id, claras.version, { name: 'Taken over' })), 404, 'CRM_COMPANY_NOT_FOUND');
    });

    it('own, department and all scopes decide which contacts are listed, read and exported', async () => {
      const contacts = ctx.get(ContactsService);
      const create = (user: ModuleTestUser, lastName: string) =>
        ctx.as(user, 'department', () => contacts.create({ lastName, allowDuplicates: true }));
      const annas = await create(anna, 'Sichtbar-Anna');
      const bens = await create(ben, 'Sichtbar-Ben');
      const claras = await create(clara, 'Sichtbar-Clara');
      const seen = async (scope: Scope) =>
        (await ctx.as(anna, scope, () => contacts.list({ ...page, q: 'sichtbar' } as ListContactsQueryDto))).items.map((c) => c.id).sort();
      expect(await seen('own')).toEqual([annas.id]);
      expect(await seen('department')).toEqual([annas.id, bens.id].sort());
      expect(await seen('all')).toEqual([annas.id, bens.id, claras.id].sort());
      const exported: string[] = [];
      await ctx.as(anna, 'department', async () => {
        for await (const row of contacts.export({ deleted: 'exclude', q: 'sichtbar' } as ListContactsQueryDto)) exported.push(row.id);
      });
      expect(exported.sort()).toEqual([annas.id, bens.id].sort());
      await expectAppError(ctx.as(clara, 'department', () => contacts.get(annas.id)), 404, 'CRM_CONTACT_NOT_FOUND');
    });
  });

  describe('duplicate checks', () => {
    it('name only contacts the creator may read, and count the others', async () => {
      const contacts = ctx.get(ContactsService);
      const annas = await ctx.as(anna, 'department', () => contacts.create({ lastName: 'Original', email: 'scoped-dup@example.de' }));
      const inScope = await expectAppError(ctx.as(ben, 'department', () => contacts.create({ lastName: 'Copy', email: 'scoped-dup@example.de' })), 409, 'CRM_DUPLICATE_CANDIDATES');
      expect(inScope.extensions).toEqual({ duplicates: [{ type: 'contact', id: annas.id, matchedOn: ['email'] }], otherDuplicates: 0 });
      const outOfScope = await expectAppError(ctx.as(clara, 'department', () => contacts.create({ lastName: 'Copy', email: 'scoped-dup@example.de' })), 409, 'CRM_DUPLICATE_CANDIDATES');
      expect(outOfScope.extensions).toEqual({ duplicates: [], otherDuplicates: 1 });
    });

    it('do not reveal the ids of records outside the importer’s scope in the import report', async () => {
      const hidden = await newLead(anna, { lastName: 'Hidden', email: 'hidden-import@example.de' });
      const csv = 'source,last_name,email\nphone,Again,hidden-import@example.de\n';
      const report = await ctx.as(clara, 'department', () => ctx.get(LeadsImportService).import(Readable.from([csv]), { dryRun: true, allowDuplicates: false }));
      expect(report.errors).toEqual([{ row: 2, field: 'email', message: 'email matches an existing lead or contact outside your permissions' }]);
      expect(JSON.stringify(report)).not.toContain(hidden.id);
      const own = await ctx.as(anna, 'department', () => ctx.get(LeadsImportService).import(Readable.from([csv]), { dryRun: true, allowDuplicates: false }));
      expect(own.errors).toEqual([{ row: 2, field: 'email', message: `email matches the existing lead ${hidden.id}` }]);
    });

    it('an import batch waits for the duplicate lock a concurrent create holds, then sees its record', async () => {
      const email = 'import-race@example.de';
      const holder = await ctx.admin.connect();
      try {
        await holder.query('begin');
        await holder.query(`select pg_advisory_xact_lock(hashtext($1))`, [`crm.duplicate:email:${email}`]);
        const importing = ctx.as(anna, 'department', () =>
          ctx.get(LeadsImportService).import(Readable.from([`source,last_name,email\nphone,Imported,${email}\n`]), { dryRun: false, allowDuplicates: false }),
        );
        await waitForAdvisoryLockWaiter(ctx);
        // What a concurrent single create does while holding the lock: insert the lead, then commit.
        await holder.query(`insert into leads (source, last_name, email, department_id, interests) values ('phone', 'Created', $1, $2, '{}')`, [email, anna.departmentId]);
        await holder.query('commit');
        const report = await importing;
        expect(report).toMatchObject({ imported: 0, invalid: 1 });
      } finally {
        holder.release();
      }
      const { rows } = await ctx.admin.query('select last_name from leads where email = $1', [email]);
      expect(rows).toEqual([{ last_name: 'Created' }]);
    });

    it('refuse to lock outside a transaction (the lock would end at once)', async () => {
      await expect(ctx.get(DuplicatesRepository).lock({ emails: ['x@example.de'], phones: [] })).rejects.toBeInstanceOf(TransactionRequiredError);
      expect(() => assertInTransaction({ isTransactionActive: () => false } as never, 'something')).toThrow(/something must run inside a transaction/);
    });
  });
});

/** Resolves once some session waits for an advisory lock (the import reached its duplicate lock). */
async function waitForAdvisoryLockWaiter(ctx: CrmTestContext): Promise<void> {
  for (let attempt = 0; attempt < 5000; attempt++) {
    const { rows } = await ctx.admin.query(`select 1 from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`);
    if (rows.length > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the import never waited for the duplicate lock');
}
