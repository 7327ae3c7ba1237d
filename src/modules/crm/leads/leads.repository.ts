import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { randomUUID } from 'node:crypto';
import { and, arrayContains, eq, getTableColumns, isNotNull, isNull, sql, SQL } from 'drizzle-orm';
import { currentActorId } from '@libs/context';
import { Scope, scopeCondition } from '@libs/auth';
import { type DbTransactionHost, insertRows } from '@libs/db';
import { DeletedFilter, deletedFilter, inFilter, eqFilter, KeysetQuery, ListSortSpec, rangeFilter, searchFilter } from '@libs/pagination';
import { mapReferenceErrors, ReferenceMap } from '../shared/db-errors';
import type { LeadChanges } from './lead.mapper';
import type { LeadSource, LeadStatus, LeadInterest } from './leads.schema';
import { Lead, leads, NewLead } from './leads.schema';

export const LEAD_SORT_SPEC: ListSortSpec<'createdAt' | 'updatedAt'> = {
  fields: { createdAt: { expression: leads.createdAt, type: 'timestamp' }, updatedAt: { expression: leads.updatedAt, type: 'timestamp' } },
  tieBreaker: leads.id,
  defaultSort: '-createdAt',
};

const REFERENCES: ReferenceMap = {
  leads_assignee_id_users_id_fk: { path: 'assigneeId', what: 'user' },
  leads_department_id_departments_id_fk: { path: 'departmentId', what: 'department' },
};

export interface LeadFilters {
  status?: LeadStatus[];
  source?: LeadSource[];
  interest?: LeadInterest;
  assigneeId?: string;
  departmentId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  q?: string;
  deleted?: DeletedFilter;
}

/** A new lead with every column set as the database defaults would set it. */
export function completeLead(value: NewLead, now: Date, actor: string | null): Lead {
  return {
    id: value.id ?? randomUUID(),
    createdAt: value.createdAt ?? now,
    updatedAt: value.updatedAt ?? now,
    createdBy: value.createdBy ?? actor,
    updatedBy: value.updatedBy ?? actor,
    deletedAt: value.deletedAt ?? null,
    version: value.version ?? 1,
    source: value.source,
    status: value.status ?? 'new',
    statusChangedAt: value.statusChangedAt ?? now,
    lostReason: value.lostReason ?? null,
    lostNote: value.lostNote ?? null,
    interests: value.interests,
    message: value.message ?? null,
    salutation: value.salutation ?? null,
    firstName: value.firstName ?? null,
    lastName: value.lastName ?? null,
    companyName: value.companyName ?? null,
    email: value.email ?? null,
    phone: value.phone ?? null,
    preferredLanguage: value.preferredLanguage ?? 'de',
    propertyStreet: value.propertyStreet ?? null,
    propertyPostalCode: value.propertyPostalCode ?? null,
    propertyCity: value.propertyCity ?? null,
    propertyCountryCode: value.propertyCountryCode ?? null,
    buildingType: value.buildingType ?? null,
    yearBuilt: value.yearBuilt ?? null,
    livingAreaM2: value.livingAreaM2 ?? null,
    residentialUnits: value.residentialUnits ?? null,
    ownerOccupied: value.ownerOccupied ?? null,
    estimatedValueCents: value.estimatedValueCents ?? null,
    assigneeId: value.assigneeId ?? null,
    departmentId: value.departmentId ?? null,
    convertedAt: value.convertedAt ?? null,
    convertedContactId: value.convertedContactId ?? null,
    convertedCompanyId: value.convertedCompanyId ?? null,
    searchText: value.searchText ?? '',
  };
}

/** Rows a scope lets the actor see: assigned to or created by them, or in their department. */
export function leadScope(scope: Scope): SQL | undefined {
  return scopeCondition(scope, { ownerColumns: [leads.assigneeId, leads.createdBy], departmentColumn: leads.departmentId });
}

/** The only code that reads and writes `leads`. Every read takes the actor's scope into its WHERE. */
@Injectable()
export class LeadsRepository {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** One page (plus one row) in keyset order; each row carries its `sortKey` for the next cursor. */
  list(filters: LeadFilters, scope: Scope, keyset: KeysetQuery): Promise<(Lead & { sortKey: string | number })[]> {
    return this.db
      .select({ ...getTableColumns(leads), sortKey: keyset.sortKey })
      .from(leads)
      .where(and(this.filterCondition(filters, scope), keyset.after))
      .orderBy(...keyset.orderBy)
      .limit(keyset.fetchLimit);
  }

  /** The WHERE of a list or export: typed filters, search, deleted mode and the scope. */
  filterCondition(filters: LeadFilters, scope: Scope): SQL | undefined {
    return and(
      leadScope(scope),
      deletedFilter(leads.deletedAt, filters.deleted),
      inFilter(leads.status, filters.status),
      inFilter(leads.source, filters.source),
      filters.interest ? arrayContains(leads.interests, [filters.interest]) : undefined,
      eqFilter(leads.assigneeId, filters.assigneeId),
      eqFilter(leads.departmentId, filters.departmentId),
      rangeFilter(leads.createdAt, filters.createdFrom, filters.createdTo),
      searchFilter({ text: leads.searchText, emails: [leads.email], phones: [leads.phone] }, filters.q),
    );
  }

  /** A lead within `scope`; soft-deleted ones only when asked for. */
  async findById(id: string, scope: Scope, options: { deleted?: boolean } = {}): Promise<Lead | undefined> {
    const [row] = await this.db
      .select()
      .from(leads)
      .where(and(eq(leads.id, id), leadScope(scope), options.deleted ? undefined : isNull(leads.deletedAt)));
    return row;
  }

  /** Locks the row for the rest of the transaction (conversion: nobody changes it meanwhile). */
  async findForUpdate(id: string, scope: Scope): Promise<Lead | undefined> {
    const [row] = await this.db
      .select()
      .from(leads)
      .where(and(eq(leads.id, id), leadScope(scope), isNull(leads.deletedAt)))
      .for('update');
    return row;
  }

  insert(values: NewLead): Promise<Lead> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db.insert(leads).values(values).returning();
      return row;
    });
  }

  /**
   * Bulk insert for import batches, as one statement (`insertRows`): every row is completed here
   * (ids, defaults, audit columns), so the rows as written are returned without RETURNING.
   */
  async insertMany(values: NewLead[]): Promise<Lead[]> {
    if (values.length === 0) return [];
    const now = new Date();
    const actor = currentActorId();
    const rows = values.map((value) => completeLead(value, now, actor));
    await mapReferenceErrors(REFERENCES, () => insertRows(this.db, leads, rows));
    return rows;
  }

  /**
   * Applies `changes` only if the live row is still at `version` and within `scope`, bumping the
   * version; undefined when not (the caller tells not-found from stale). This WHERE is what makes
   * a stale If-Match unable to overwrite anything, even between the caller's read and this write.
   */
  update(id: string, version: number, changes: LeadChanges, scope: Scope): Promise<Lead | undefined> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db
        .update(leads)
        .set({ ...changes, version: sql`${leads.version} + 1` })
        .where(and(eq(leads.id, id), eq(leads.version, version), isNull(leads.deletedAt), leadScope(scope)))
        .returning();
      return row;
    });
  }

  /** Merge of contacts: converted leads of `fromContactId` now name `toContactId`; returns them as they were. */
  async reassignConvertedContact(fromContactId: string, toContactId: string): Promise<{ id: string }[]> {
    return this.db
      .update(leads)
      .set({ convertedContactId: toContactId, version: sql`${leads.version} + 1` })
      .where(eq(leads.convertedContactId, fromContactId))
      .returning({ id: leads.id });
  }

  /** Soft delete (at `version`) or restore (a deleted row, at `version` when given). */
  async setDeleted(id: string, deleted: boolean, version: number | undefined, scope: Scope): Promise<Lead | undefined> {
    const [row] = await this.db
      .update(leads)
      .set({ deletedAt: deleted ? sql`now()` : null, version: sql`${leads.version} + 1` })
      .where(
        and(
          eq(leads.id, id),
          version === undefined ? undefined : eq(leads.version, version),
          deleted ? isNull(leads.deletedAt) : isNotNull(leads.deletedAt),
          leadScope(scope),
        ),
      )
      .returning();
    return row;
  }
}
