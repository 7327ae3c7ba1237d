import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { and, eq, getTableColumns, inArray, isNotNull, isNull, or, sql, SQL } from 'drizzle-orm';
import { Scope, scopeCondition } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { DeletedFilter, deletedFilter, eqFilter, KeysetQuery, ListSortSpec, rangeFilter, searchFilter, searchKind } from '@libs/pagination';
import { companies } from '../companies/companies.schema';
import { mapReferenceErrors, ReferenceMap } from '../shared/db-errors';
import type { ContactChanges } from './contact.mapper';
import { Contact, contacts, NewContact } from './contacts.schema';

export const CONTACT_SORT_SPEC: ListSortSpec<'createdAt' | 'lastName'> = {
  fields: {
    createdAt: { expression: contacts.createdAt, type: 'timestamp' },
    lastName: { expression: sql`lower(${contacts.lastName})`, type: 'text' },
  },
  tieBreaker: contacts.id,
  defaultSort: '-createdAt',
};

const REFERENCES: ReferenceMap = {
  contacts_company_id_companies_id_fk: { path: 'companyId', what: 'company' },
  contacts_owner_id_users_id_fk: { path: 'ownerId', what: 'user' },
  contacts_department_id_departments_id_fk: { path: 'departmentId', what: 'department' },
};

export interface ContactFilters {
  companyId?: string;
  ownerId?: string;
  departmentId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  q?: string;
  deleted?: DeletedFilter;
}

export function contactScope(scope: Scope): SQL | undefined {
  return scopeCondition(scope, { ownerColumns: [contacts.ownerId, contacts.createdBy], departmentColumn: contacts.departmentId });
}

@Injectable()
export class ContactsRepository {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  list(filters: ContactFilters, scope: Scope, keyset: KeysetQuery): Promise<(Contact & { sortKey: string | number })[]> {
    return this.db
      .select({ ...getTableColumns(contacts), sortKey: keyset.sortKey })
      .from(contacts)
      .where(and(this.filterCondition(filters, scope), keyset.after))
      .orderBy(...keyset.orderBy)
      .limit(keyset.fetchLimit);
  }

  /** `q`: e-mail, phone, mobile by prefix; text also matches the name of the contact's company (trigram). */
  filterCondition(filters: ContactFilters, scope: Scope): SQL | undefined {
    const own = searchFilter({ text: contacts.searchText, emails: [contacts.email], phones: [contacts.phone, contacts.mobile] }, filters.q);
    const search =
      filters.q && searchKind(filters.q) === 'text'
        ? or(own, inArray(contacts.companyId, this.db.select({ id: companies.id }).from(companies).where(searchFilter(companies.searchText, filters.q))))
        : own;
    return and(
      contactScope(scope),
      deletedFilter(contacts.deletedAt, filters.deleted),
      eqFilter(contacts.companyId, filters.companyId),
      eqFilter(contacts.ownerId, filters.ownerId),
      eqFilter(contacts.departmentId, filters.departmentId),
      rangeFilter(contacts.createdAt, filters.createdFrom, filters.createdTo),
      search,
    );
  }

  async findById(id: string, scope: Scope, options: { deleted?: boolean; forUpdate?: boolean } = {}): Promise<Contact | undefined> {
    const query = this.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, id), contactScope(scope), options.deleted ? undefined : isNull(contacts.deletedAt)));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  }

  insert(values: NewContact): Promise<Contact> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db.insert(contacts).values(values).returning();
      return row;
    });
  }

  /** Applies `changes` at `version` within `scope` (see LeadsRepository.update). */
  update(id: string, version: number, changes: ContactChanges, scope: Scope): Promise<Contact | undefined> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db
        .update(contacts)
        .set({ ...changes, version: sql`${contacts.version} + 1` })
        .where(and(eq(contacts.id, id), eq(contacts.version, version), isNull(contacts.deletedAt), contactScope(scope)))
        .returning();
      return row;
    });
  }

  /** Soft delete (optionally recording the survivor of a merge) or restore, at `version`. */
  async setDeleted(id: string, deleted: boolean, version: number, scope: Scope, mergedIntoId?: string): Promise<Contact | undefined> {
    const [row] = await this.db
      .update(contacts)
      .set({ deletedAt: deleted ? sql`now()` : null, version: sql`${contacts.version} + 1`, ...(mergedIntoId && { mergedIntoId }) })
      .where(
        and(eq(contacts.id, id), eq(contacts.version, version), deleted ? isNull(contacts.deletedAt) : isNotNull(contacts.deletedAt), contactScope(scope)),
      )
      .returning();
    return row;
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
