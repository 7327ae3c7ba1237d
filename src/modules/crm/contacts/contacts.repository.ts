import { Injectable } from '@nestjs/common';
import { eq, inArray, or, sql, SQL } from 'drizzle-orm';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { searchFilter, searchKind } from '@libs/search';
import { companies } from '../companies/companies.schema';
import { contacts } from './contacts.schema';

export interface ContactFilters extends CommonListFilters {
  companyId?: string;
  ownerId?: string;
  departmentId?: string;
}

/** The rows a scope covers: owned or created by the actor, or in their department. */
export const CONTACT_SCOPE_COLUMNS = { ownerColumns: [contacts.ownerId, contacts.createdBy], departmentColumn: contacts.departmentId };

const CONTACTS: ResourceTableSpec<typeof contacts> = {
  table: contacts,
  scope: CONTACT_SCOPE_COLUMNS,
  constraints: referenceConstraints('contacts', { ownerId: 'users', departmentId: 'departments', companyId: 'companies' }),
  sort: {
    fields: { createdAt: { expression: contacts.createdAt, type: 'timestamp' }, lastName: { expression: sql`lower(${contacts.lastName})`, type: 'text' } },
    tieBreaker: contacts.id,
    defaultSort: '-createdAt',
  },
  filters: { companyId: contacts.companyId, ownerId: contacts.ownerId, departmentId: contacts.departmentId },
};

@Injectable()
export class ContactsRepository extends ResourceRepository<typeof contacts, ContactFilters> {
  protected readonly spec = CONTACTS;

  /** `q`: e-mail, phone, mobile by prefix; text also matches the name of the contact's company (trigram). */
  protected override searchCondition(q: string | undefined): SQL | undefined {
    const own = searchFilter({ text: contacts.searchText, emails: [contacts.email], phones: [contacts.phone, contacts.mobile] }, q);
    if (!q || searchKind(q) !== 'text') return own;
    return or(own, inArray(contacts.companyId, this.db.select({ id: companies.id }).from(companies).where(searchFilter(companies.searchText, q))));
  }

  /** Contacts merged into `survivorId` (their audit history belongs to the survivor's timeline). */
  async mergedInto(survivorId: string): Promise<string[]> {
    const rows = await this.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.mergedIntoId, survivorId));
    return rows.map((row) => row.id);
  }

  /** A later merge of the survivor keeps earlier merges pointing at the final survivor. */
  async repointMerged(fromId: string, toId: string): Promise<number> {
    const rows = await this.db.update(contacts).set({ mergedIntoId: toId }).where(eq(contacts.mergedIntoId, fromId)).returning({ id: contacts.id });
    return rows.length;
  }
}
