import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { drainOutbox } from '@libs/testing/outbox';
import { expectAppError, useCrmTestContext } from '../../../../test/support/crm-fixtures';
import { ActivitiesService } from '../activities/activities.service';
import { CompaniesService } from '../companies/companies.service';
import type { CreateLeadDto } from '../leads/lead.dto';
import { LeadConversionService } from '../leads/lead-conversion.service';
import { LeadsService } from '../leads/leads.service';
import { TimelineService } from '../timeline/timeline.service';
import type { CreateContactDto, ListContactsQueryDto } from './contact.dto';
import { ContactMergeService } from './contact-merge.service';
import { ContactsService } from './contacts.service';

describe('contacts, merge and timeline (module, PostgreSQL)', () => {
  const ctx = useCrmTestContext();
  const contacts = lazyProvider(ctx, ContactsService);
  let anna: ModuleTestUser;
  beforeAll(() => ({ anna } = ctx.users));
  const as = <T>(fn: () => Promise<T>) => ctx.as(anna, 'department', fn);

  const contact = (dto: Partial<CreateContactDto>) => as(() => contacts.create({ lastName: 'X', allowDuplicates: true, ...dto } as CreateContactDto));

  it('normalises e-mail and phones, stamps marketing consent with time and source', async () => {
    const created = await contact({ lastName: 'Consent', email: ' Eva@Example.DE ', phone: '030 555 666', mobile: '0171 2345678', marketingConsent: true, marketingConsentSource: 'web_form' });
    expect(created).toMatchObject({ email: 'eva@example.de', phone: '+4930555666', mobile: '+491712345678', marketingConsent: true, marketingConsentSource: 'web_form' });
    expect(created.marketingConsentAt).toBeInstanceOf(Date);
    const withdrawn = await as(() => contacts.update(created.id, created.version, { marketingConsent: false, marketingConsentSource: 'email' }));
    expect(withdrawn).toMatchObject({ marketingConsent: false, marketingConsentSource: 'email' });
    expect(withdrawn.marketingConsentAt!.getTime()).toBeGreaterThanOrEqual(created.marketingConsentAt!.getTime());
    const unchanged = await as(() => contacts.update(created.id, withdrawn.version, { marketingConsent: false, firstName: 'Eva' }));
    expect(unchanged.marketingConsentAt).toEqual(withdrawn.marketingConsentAt);
  });

  it('finds contacts by their company name too', async () => {
    const company = await as(() => ctx.app.get(CompaniesService).create({ name: 'Bauverein Ostwind eG' }));
    const member = await contact({ lastName: 'Member', companyId: company.id });
    const page = await as(() => contacts.list({ limit: 50, deleted: 'exclude', q: 'ostwind' } as ListContactsQueryDto));
    expect(page.items.map((c) => c.id)).toEqual([member.id]);
  });

  it('reports duplicates by e-mail or phone across contacts and leads', async () => {
    const lead = await as(() => ctx.app.get(LeadsService).create({ source: 'phone', lastName: 'Lead', phone: '069 123456', allowDuplicates: true } as CreateLeadDto));
    const existing = await contact({ lastName: 'Dupe', email: 'dupe@example.de' });
    const error = await expectAppError(as(() => contacts.create({ lastName: 'New', email: 'DUPE@example.de', mobile: '+49 69 123456' })), 409, 'CRM_DUPLICATE_CANDIDATES');
    expect(error.extensions?.duplicates).toEqual([
      { type: 'contact', id: existing.id, matchedOn: ['email'] },
      { type: 'lead', id: lead.id, matchedOn: ['phone'] },
    ]);
  });

  describe('merge', () => {
    it('moves activities and converted leads to the survivor, fills its gaps, deletes the duplicate and keeps the history', async () => {
      const survivor = await contact({ lastName: 'Keller', email: 'keller@example.de' });
      const lead = await as(() => ctx.app.get(LeadsService).create({ source: 'phone', status: 'qualified', lastName: 'Keller', email: 'k2@example.de', allowDuplicates: true } as CreateLeadDto));
      const converted = await as(() => ctx.app.get(LeadConversionService).convert(lead.id, undefined, { allowDuplicates: true }));
      const duplicateId = converted.contact.id;
      await as(() => contacts.update(duplicateId, converted.contact.version, { phone: '040 7654321', title: 'Dr.' }));
      const activities = ctx.app.get(ActivitiesService);
      const call = await as(() => activities.create({ type: 'call', subject: 'Anruf beim Duplikat', contactId: duplicateId }));
      await as(() => activities.create({ type: 'note', subject: 'Notiz beim Überlebenden', contactId: survivor.id }));

      const merged = await as(() => ctx.app.get(ContactMergeService).merge(survivor.id, survivor.version, { duplicateId }));
      expect(merged).toMatchObject({ id: survivor.id, email: 'keller@example.de', phone: '+49407654321', title: 'Dr.', movedActivities: 1, movedLeads: 1, version: survivor.version + 1 });
      expect((await as(() => activities.get(call.id))).contactId).toBe(survivor.id);
      expect((await as(() => ctx.app.get(LeadsService).get(lead.id))).convertedContactId).toBe(survivor.id);
      const gone = await as(() => contacts.get(duplicateId));
      expect(gone).toMatchObject({ mergedIntoId: survivor.id });
      expect(gone.deletedAt).not.toBeNull();
      await expectAppError(as(() => contacts.restore(duplicateId, undefined)), 409, 'CRM_CONTACT_MERGED');

      await drainOutbox(ctx.app);
      const { rows } = await ctx.admin.query(`select action, entity_id, changes from audit_logs where entity_id = any($1::uuid[]) order by seq`, [[survivor.id, duplicateId, call.id]]);
      const actions = rows.map((r) => `${r.entity_id === survivor.id ? 'survivor' : r.entity_id === duplicateId ? 'duplicate' : 'call'}:${r.action}`);
      expect(actions).toEqual(
        expect.arrayContaining(['survivor:crm.contact.merged', 'duplicate:crm.contact.deleted', 'call:crm.activity.updated', 'duplicate:crm.contact.updated']),
      );
      const mergedRow = rows.find((r) => r.action === 'crm.contact.merged');
      expect(mergedRow.changes).toMatchObject({ phone: { before: null, after: '+49407654321' }, title: { before: null, after: 'Dr.' } });

      // the survivor's timeline now carries the duplicate's history and activities
      const timeline = await as(() => ctx.app.get(TimelineService).timeline('contact', survivor.id, { limit: 100 }));
      const entries = timeline.items.map((i) => (i.kind === 'activity' ? i.activity!.subject : `${i.change!.entityId === duplicateId ? 'dup' : 'own'}:${i.change!.action}`));
      expect(entries).toEqual(
        expect.arrayContaining(['Anruf beim Duplikat', 'Notiz beim Überlebenden', 'own:crm.contact.merged', 'dup:crm.contact.created', 'dup:crm.contact.updated', 'own:crm.contact.created']),
      );
    });

    it('refuses merging a contact into itself, stale survivors and contacts out of scope', async () => {
      const a = await contact({ lastName: 'Self' });
      const b = await contact({ lastName: 'Other' });
      const merge = ctx.app.get(ContactMergeService);
      await expectAppError(as(() => merge.merge(a.id, undefined, { duplicateId: a.id })), 422, 'CRM_CONTACT_MERGE_SELF');
      await expectAppError(as(() => merge.merge(a.id, a.version + 1, { duplicateId: b.id })), 412, 'PRECONDITION_FAILED');
      const foreign = await ctx.as({ id: ctx.users.clara.id, departmentId: null as unknown as string }, 'own', () =>
        contacts.create({ lastName: 'Foreign', allowDuplicates: true } as CreateContactDto),
      );
      await expectAppError(ctx.as(anna, 'own', () => merge.merge(a.id, undefined, { duplicateId: foreign.id })), 404, 'CRM_CONTACT_NOT_FOUND');
    });
  });
});
