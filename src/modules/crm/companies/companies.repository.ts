import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { and, eq, getTableColumns, isNotNull, isNull, sql, SQL } from 'drizzle-orm';
import { Scope, scopeCondition } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { DeletedFilter, deletedFilter, eqFilter, KeysetQuery, ListSortSpec, rangeFilter, searchFilter } from '@libs/pagination';
import { mapReferenceErrors, ReferenceMap } from '../shared/db-errors';
import type { CompanyChanges } from './company.mapper';
import { companies, Company, NewCompany } from './companies.schema';

export const COMPANY_SORT_SPEC: ListSortSpec<'createdAt' | 'name'> = {
  fields: { createdAt: { expression: companies.createdAt, type: 'timestamp' }, name: { expression: sql`lower(${companies.name})`, type: 'text' } },
  tieBreaker: companies.id,
  defaultSort: '-createdAt',
};

const REFERENCES: ReferenceMap = {
  companies_owner_id_users_id_fk: { path: 'ownerId', what: 'user' },
  companies_department_id_departments_id_fk: { path: 'departmentId', what: 'department' },
};

export interface CompanyFilters {
  ownerId?: string;
  departmentId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  q?: string;
  deleted?: DeletedFilter;
}

export function companyScope(scope: Scope): SQL | undefined {
  return scopeCondition(scope, { ownerColumns: [companies.ownerId, companies.createdBy], departmentColumn: companies.departmentId });
}

@Injectable()
export class CompaniesRepository {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  list(filters: CompanyFilters, scope: Scope, keyset: KeysetQuery): Promise<(Company & { sortKey: string | number })[]> {
    return this.db
      .select({ ...getTableColumns(companies), sortKey: keyset.sortKey })
      .from(companies)
      .where(and(this.filterCondition(filters, scope), keyset.after))
      .orderBy(...keyset.orderBy)
      .limit(keyset.fetchLimit);
  }

  filterCondition(filters: CompanyFilters, scope: Scope): SQL | undefined {
    return and(
      companyScope(scope),
      deletedFilter(companies.deletedAt, filters.deleted),
      eqFilter(companies.ownerId, filters.ownerId),
      eqFilter(companies.departmentId, filters.departmentId),
      rangeFilter(companies.createdAt, filters.createdFrom, filters.createdTo),
      searchFilter({ text: companies.searchText, emails: [companies.email], phones: [companies.phone] }, filters.q),
    );
  }

  async findById(id: string, scope: Scope, options: { deleted?: boolean } = {}): Promise<Company | undefined> {
    const [row] = await this.db
      .select()
      .from(companies)
      .where(and(eq(companies.id, id), companyScope(scope), options.deleted ? undefined : isNull(companies.deletedAt)));
    return row;
  }

  insert(values: NewCompany): Promise<Company> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db.insert(companies).values(values).returning();
      return row;
    });
  }

  /** Applies `changes` at `version` within `scope` (see LeadsRepository.update). */
  update(id: string, version: number, changes: CompanyChanges, scope: Scope): Promise<Company | undefined> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db
        .update(companies)
        .set({ ...changes, version: sql`${companies.version} + 1` })
        .where(and(eq(companies.id, id), eq(companies.version, version), isNull(companies.deletedAt), companyScope(scope)))
        .returning();
      return row;
    });
  }

  async setDeleted(id: string, deleted: boolean, version: number, scope: Scope): Promise<Company | undefined> {
    const [row] = await this.db
      .update(companies)
      .set({ deletedAt: deleted ? sql`now()` : null, version: sql`${companies.version} + 1` })
      .where(
        and(eq(companies.id, id), eq(companies.version, version), deleted ? isNull(companies.deletedAt) : isNotNull(companies.deletedAt), companyScope(scope)),
      )
      .returning();
    return row;
  }
}
