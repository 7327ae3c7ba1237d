import { Injectable } from '@nestjs/common';
import { and, desc, eq, getTableColumns, inArray, isNull, or, sql, SQL, SQLWrapper } from 'drizzle-orm';
import type { Scope } from '@libs/auth';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import type { TimelineBound, TimelineSubject } from '../timeline/timeline.rules';
import { activities, Activity, ActivityType } from './activities.schema';

export interface ActivityFilters extends CommonListFilters {
  type?: ActivityType[];
  leadId?: string;
  contactId?: string;
  companyId?: string;
  ownerId?: string;
  departmentId?: string;
}

const ACTIVITIES: ResourceTableSpec<typeof activities> = {
  table: activities,
  scope: { ownerColumns: [activities.ownerId, activities.createdBy], departmentColumn: activities.departmentId },
  constraints: referenceConstraints('activities', { ownerId: 'users', departmentId: 'departments', leadId: 'leads', contactId: 'contacts', companyId: 'companies' }),
  sort: {
    fields: { createdAt: { expression: activities.createdAt, type: 'timestamp' }, occurredAt: { expression: activities.occurredAt, type: 'timestamp' } },
    tieBreaker: activities.id,
    defaultSort: '-createdAt',
  },
  filters: {
    type: activities.type,
    leadId: activities.leadId,
    contactId: activities.contactId,
    companyId: activities.companyId,
    ownerId: activities.ownerId,
    departmentId: activities.departmentId,
  },
};

@Injectable()
export class ActivitiesRepository extends ResourceRepository<typeof activities, ActivityFilters> {
  protected readonly spec = ACTIVITIES;

  /**
   * A subject's live activities within `scope` (the reader's activity scope, as the list applies
   * it), newest first, after the timeline cursor's position; each with its exact sort key.
   */
  timeline(subject: TimelineSubject, scope: Scope, bound: TimelineBound | undefined, limit: number): Promise<(Activity & { sortKey: string })[]> {
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
      .where(and(bySubject ?? sql`false`, isNull(activities.deletedAt), this.scopeCondition(scope), timelineBound(activities.occurredAt, activities.id, bound)))
      .orderBy(desc(activities.occurredAt), desc(activities.id))
      .limit(limit);
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

function timelineBound(occurredAt: SQLWrapper, id: SQLWrapper, bound: TimelineBound | undefined): SQL | undefined {
  if (!bound) return undefined;
  if (bound.id) return sql`(${occurredAt}, ${id}) < (${bound.occurredAt}::timestamptz, ${bound.id}::uuid)`;
  return bound.inclusive ? sql`${occurredAt} <= ${bound.occurredAt}::timestamptz` : sql`${occurredAt} < ${bound.occurredAt}::timestamptz`;
}
