import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { expectAppError, SALES, useCrmTestContext } from '../../../../test/support/crm-fixtures';
import { ContactsService } from '../contacts/contacts.service';
import { CompaniesService } from '../companies/companies.service';
import type { CreateLeadDto } from './lead.dto';
import { LeadConversionService } from './lead-conversion.service';
import { LeadsService } from './leads.service';

describe('lead conversion (module, PostgreSQL)', () => {
  const ctx = useCrmTestContext();
  const leads = lazyProvider(ctx, LeadsService);
  const conversion = lazyProvider(ctx, LeadConversionService);
  let anna: ModuleTestUser;
  beforeAll(() => ({ anna } = ctx.users));

  const qualifiedLead = (overrides: Partial<CreateLeadDto> = {}) =>
    ctx.as(anna, 'department', () => leads.create({ source: 'referral', status: 'qualified', allowDuplicates: true, ...overrides } as CreateLeadDto));
  const eventsOf = async (id: string) => (await ctx.admin.query(`select type, payload from domain_events where aggregate_id = $1 order by occurred_at, type`, [id])).rows;
  const count = async (table: string, where: string, params: unknown[]) => (await ctx.admin.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n as number;

  it('creates company and contact, links them, marks the lead converted and emits crm.lead.converted', async () => {
    const lead = await qualifiedLead({
      firstName: 'Lena',
      lastName: 'Vogel',
      companyName: 'Vogel Hausverwaltung GmbH',
      email: 'lena@vogel.example',
      phone: '0221 998877',
      interests: ['photovoltaics'],
      propertyAddress: { street: 'Ring 2', postalCode: '50667', city: 'Köln' },
      ownerOccupied: false,
      assigneeId: ctx.users.ben.id,
    });
    const result = await ctx.as(anna, 'department', () => conversion.convert(lead.id, lead.version, {}));
    expect(result).toMatchObject({ status: 'converted', version: lead.version + 1 });
    expect(result.contact).toMatchObject({ lastName: 'Vogel', email: 'lena@vogel.example', phone: '+49221998877', companyId: result.company!.id, address: null, ownerId: ctx.users.ben.id, departmentId: SALES });
    expect(result.company).toMatchObject({ name: 'Vogel Hausverwaltung GmbH', ownerId: ctx.users.ben.id, departmentId: SALES });

    const [converted] = (await eventsOf(lead.id)).filter((e) => e.type === 'crm.lead.converted');
    expect(converted.payload).toMatchObject({
      contactId: result.contact.id,
      companyId: result.company!.id,
      contactCreated: true,
      companyCreated: true,
      interests: ['photovoltaics'],
      property: { city: 'Köln', ownerOccupied: false },
      changes: { status: { before: 'qualified', after: 'converted' } },
    });
    expect((await eventsOf(result.contact.id)).map((e) => e.type)).toEqual(['crm.contact.created']);
    expect((await eventsOf(result.contact.id))[0].payload.fromLeadId).toBe(lead.id);
    expect((await eventsOf(result.company!.id)).map((e) => e.type)).toEqual(['crm.company.created']);
  });

  it('links existing records instead of creating them', async () => {
    const contact = await ctx.as(anna, 'department', () => ctx.app.get(ContactsService).create({ lastName: 'Existing', allowDuplicates: true }));
    const company = await ctx.as(anna, 'department', () => ctx.app.get(CompaniesService).create({ name: 'Existing AG' }));
    const lead = await qualifiedLead({ lastName: 'Linker', companyName: 'Ignored GmbH' });
    const result = await ctx.as(anna, 'department', () => conversion.convert(lead.id, undefined, { contactId: contact.id, companyId: company.id }));
    expect(result).toMatchObject({ convertedContactId: contact.id, convertedCompanyId: company.id });
    expect(await count('companies', `name = 'Ignored GmbH'`, [])).toBe(0);
    const [event] = (await eventsOf(lead.id)).filter((e) => e.type === 'crm.lead.converted');
    expect(event.payload).toMatchObject({ contactCreated: false, companyCreated: false });
  });

  it('is one transaction: when the contact cannot be created, the company is not created either', async () => {
    await ctx.as(anna, 'department', () => ctx.app.get(ContactsService).create({ lastName: 'Taken', email: 'taken@example.de', allowDuplicates: true }));
    const lead = await qualifiedLead({ lastName: 'Taken', email: 'taken@example.de', companyName: 'Rollback GmbH' });
    await expectAppError(ctx.as(anna, 'department', () => conversion.convert(lead.id, undefined, {})), 409, 'CRM_DUPLICATE_CANDIDATES');
    expect(await count('companies', `name = 'Rollback GmbH'`, [])).toBe(0);
    expect((await ctx.as(anna, 'department', () => leads.get(lead.id))).status).toBe('qualified');
    expect((await eventsOf(lead.id)).map((e) => e.type)).toEqual(['crm.lead.created']);
    // the client confirms: converts
    const result = await ctx.as(anna, 'department', () => conversion.convert(lead.id, undefined, { allowDuplicates: true }));
    expect(result.company!.name).toBe('Rollback GmbH');
  });

  it('two simultaneous conversions: exactly one succeeds', async () => {
    const lead = await qualifiedLead({ lastName: 'Twice' });
    const results = await Promise.allSettled([1, 2, 3].map(() => ctx.as(anna, 'department', () => conversion.convert(lead.id, undefined, {}))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as { code: string }).code)).toEqual([
      'CRM_LEAD_NOT_CONVERTIBLE',
      'CRM_LEAD_NOT_CONVERTIBLE',
    ]);
    expect(await count('contacts', `last_name = 'Twice'`, [])).toBe(1);
  });

  it('refuses leads that are not qualified, lack a last name, or are pinned to another version', async () => {
    const fresh = await ctx.as(anna, 'department', () => leads.create({ source: 'phone', lastName: 'Fresh', allowDuplicates: true } as CreateLeadDto));
    await expectAppError(ctx.as(anna, 'department', () => conversion.convert(fresh.id, undefined, {})), 409, 'CRM_LEAD_NOT_CONVERTIBLE');
    const nameless = await qualifiedLead({ email: 'nameless@example.de' });
    const error = await expectAppError(ctx.as(anna, 'department', () => conversion.convert(nameless.id, undefined, {})), 422, 'CRM_LEAD_INCOMPLETE');
    expect((error as { errors?: unknown }).errors).toEqual([{ path: 'lastName', message: 'the lead has no lastName to create a contact from' }]);
    const pinned = await qualifiedLead({ lastName: 'Pinned' });
    await expectAppError(ctx.as(anna, 'department', () => conversion.convert(pinned.id, pinned.version + 1, {})), 412, 'PRECONDITION_FAILED');
  });

  it('respects the scopes of what it creates', async () => {
    const lead = await ctx.as(ctx.users.clara, 'all', () =>
      leads.create({ source: 'phone', status: 'qualified', lastName: 'Scoped', allowDuplicates: true } as CreateLeadDto),
    );
    // may convert any lead, but create contacts only in the own department
    const grants = { 'crm.leads:convert': 'all', 'crm.contacts:create': 'department', 'crm.contacts:read': 'department' } as const;
    await expectAppError(ctx.as(anna, grants, () => conversion.convert(lead.id, undefined, {})), 403, 'OUT_OF_SCOPE');
  });
});
