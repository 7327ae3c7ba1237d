import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { and, desc, eq, getTableColumns, inArray, isNotNull, isNull, or, sql, SQL, SQLWrapper } from 'drizzle-orm';
import { Scope, scopeCondition } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { DeletedFilter, deletedFilter, eqFilter, inFilter, KeysetQuery, ListSortSpec, rangeFilter } from '@libs/pagination';
import { mapReferenceErrors, ReferenceMap } from '../shared/db-errors';
import { activities, Activity, ActivityType, NewActivity } from './activities.schema';

export const ACTIVITY_SORT_SPEC: ListSortSpec<'createdAt' | 'occurredAt'> = {
  fields: { createdAt: { expression: activities.createdAt, type: 'timestamp' }, occurredAt: { expression: activities.occurredAt, type: 'timestamp' } },
  tieBreaker: activities.id,
  defaultSort: '-createdAt',
};

const REFERENCES: ReferenceMap = {
  activities_owner_id_users_id_fk: { path: 'ownerId', what: 'user' },
  activities_department_id_departments_id_fk: { path: 'departmentId', what: 'department' },
  activities_lead_id_leads_id_fk: { path: 'leadId', what: 'lead' },
  activities_contact_id_contacts_id_fk: { path: 'contactId', what: 'contact' },
  activities_company_id_companies_id_fk: { path: 'companyId', what: 'company' },
};

export interface ActivityFilters {
  type?: ActivityType[];
  leadId?: string;
  contactId?: string;
  companyId?: string;
  ownerId?: string;
  departmentId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  deleted?: DeletedFilter;
}

/** The subjects whose timeline an activity list covers: a lead, contacts (a survivor and its merged duplicates), a company. */
export interface TimelineSubject {
  leadIds?: string[];
  contactIds?: string[];
  companyIds?: string[];
}

/** Rows strictly after a timeline cursor (see timeline.rules.ts `boundFor`). */
export interface TimelineBound {
  occurredAt: string;
  id?: string;
  inclusive: boolean;
}

export function timelineBound(occurredAt: SQLWrapper, id: SQLWrapper, bound: TimelineBound | undefined): SQL | undefined {
  if (!bound) return undefined;
  if (bound.id) return sql`(${occurredAt}, ${id}) < (${bound.occurredAt}::timestamptz, ${bound.id}::uuid)`;
  return bound.inclusive ? sql`${occurredAt} <= ${bound.occurredAt}::timestamptz` : sql`${occurredAt} < ${bound.occurredAt}::timestamptz`;
}

export type ActivityChanges = Partial<Omit<NewActivity, 'id' | 'version' | 'createdAt' | 'createdBy'>>;

export function activityScope(scope: Scope): SQL | undefined {
  return scopeCondition(scope, { ownerColumns: [activities.ownerId, activities.createdBy], departmentColumn: activities.departmentId });
}

@Injectable()
export class ActivitiesRepository {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  list(filters: ActivityFilters, scope: Scope, keyset: KeysetQuery): Promise<(Activity & { sortKey: string | number })[]> {
    return this.db
      .select({ ...getTableColumns(activities), sortKey: keyset.sortKey })
      .from(activities)
      .where(and(this.filterCondition(filters, scope), keyset.after))
      .orderBy(...keyset.orderBy)
      .limit(keyset.fetchLimit);
  }

  filterCondition(filters: ActivityFilters, scope: Scope): SQL | undefined {
    return and(
      activityScope(scope),
      deletedFilter(activities.deletedAt, filters.deleted),
      inFilter(activities.type, filters.type),
      eqFilter(activities.leadId, filters.leadId),
      eqFilter(activities.contactId, filters.contactId),
      eqFilter(activities.companyId, filters.companyId),
      eqFilter(activities.ownerId, filters.ownerId),
      eqFilter(activities.departmentId, filters.departmentId),
      rangeFilter(activities.createdAt, filters.createdFrom, filters.createdTo),
    );
  }

  /**
   * A subject's live activities, newest first, before the (occurredAt, id) position `before`.
   * Visible to whoever may see the subject: the subject's scope was checked by the caller.
   */
  timeline(subject: TimelineSubject, bound: TimelineBound | undefined, limit: number): Promise<(Activity & { sortKey: string })[]> {
    const bySubject = or(
      subject.leadIds?.length ? inArray(activities.leadId, subject.leadIds) : undefined,
      subject.contactIds?.length ? inArray(activities.contactId, subject.contactIds) : undefined,
      subject.companyIds?.length ? inArray(activities.companyId, subject.companyIds) : undefined,
    );
    return this.db
      .select({
        ...getTableColumns(activities),
        sortKey: sql<string>`to_char(${activities.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(activities)
      .where(
        and(
          bySubject ?? sql`false`,
          isNull(activities.deletedAt),
          timelineBound(activities.occurredAt, activities.id, bound),
        ),
      )
      .orderBy(desc(activities.occurredAt), desc(activities.id))
      .limit(limit);
  }

  async findById(id: string, scope: Scope, options: { deleted?: boolean } = {}): Promise<Activity | undefined> {
    const [row] = await this.db
      .select()
      .from(activities)
      .where(and(eq(activities.id, id), activityScope(scope), options.deleted ? undefined : isNull(activities.deletedAt)));
    return row;
  }

  insert(values: NewActivity): Promise<Activity> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db.insert(activities).values(values).returning();
      return row;
    });
  }

  update(id: string, version: number, changes: ActivityChanges, scope: Scope): Promise<Activity | undefined> {
    return mapReferenceErrors(REFERENCES, async () => {
      const [row] = await this.db
        .update(activities)
        .set({ ...changes, version: sql`${activities.version} + 1` })
        .where(and(eq(activities.id, id), eq(activities.version, version), isNull(activities.deletedAt), activityScope(scope)))
        .returning();
      return row;
    });
  }

  async setDeleted(id: string, deleted: boolean, version: number, scope: Scope): Promise<Activity | undefined> {
    const [row] = await this.db
      .update(activities)
      .set({ deletedAt: deleted ? sql`now()` : null, version: sql`${activities.version} + 1` })
      .where(
        and(eq(activities.id, id), eq(activities.version, version), deleted ? isNull(activities.deletedAt) : isNotNull(activities.deletedAt), activityScope(scope)),
      )
      .returning();
    return row;
  }

  /** Merge: every activity of `fromContactId` (deleted ones too) moves to `toContactId`; returns their ids. */
  reassignContact(fromContactId: string, toContactId: string): Promise<{ id: string }[]> {
    return this.db
      .update(activities)
      .set({ contactId: toContactId, version: sql`${activities.version} + 1` })
      .where(eq(activities.contactId, fromContactId))
      .returning({ id: activities.id });
  }
}
