import { Injectable } from '@nestjs/common';
import { and, eq, gte, isNotNull, isNull, lt, SQL, sql } from 'drizzle-orm';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { documentRequests } from './document-requests.schema';
import type { DocumentRequestStatus } from './document-requests.schema';

export interface DocumentRequestFilters extends CommonListFilters {
  status?: DocumentRequestStatus[];
  contactId?: string;
  projectId?: string;
  ownerId?: string;
  departmentId?: string;
  dueAfter?: string;
  dueBefore?: string;
  overdue?: boolean;
}

/** Today's calendar day in Europe/Berlin, in SQL (the due date is a Berlin calendar day). */
const BERLIN_TODAY = sql`(now() at time zone 'Europe/Berlin')::date`;

const DOCUMENT_REQUESTS: ResourceTableSpec<typeof documentRequests> = {
  table: documentRequests,
  scope: { ownerColumns: [documentRequests.ownerId, documentRequests.createdBy], departmentColumn: documentRequests.departmentId },
  constraints: referenceConstraints('document_requests', { ownerId: 'users', departmentId: 'departments' }),
  sort: {
    fields: {
      createdAt: { expression: documentRequests.createdAt, type: 'timestamp' },
      dueDate: { expression: sql`${documentRequests.dueDate}::text`, type: 'text' },
    },
    tieBreaker: documentRequests.id,
    defaultSort: '-createdAt',
  },
  filters: {
    status: documentRequests.status,
    contactId: documentRequests.contactId,
    projectId: documentRequests.projectId,
    ownerId: documentRequests.ownerId,
    departmentId: documentRequests.departmentId,
  },
};

@Injectable()
export class DocumentRequestsRepository extends ResourceRepository<typeof documentRequests, DocumentRequestFilters> {
  protected readonly spec = DOCUMENT_REQUESTS;

  protected override filterConditions(filters: DocumentRequestFilters): (SQL | undefined)[] {
    const overdue = and(eq(documentRequests.status, 'open'), lt(documentRequests.dueDate, BERLIN_TODAY));
    return [
      filters.dueAfter === undefined ? undefined : gte(documentRequests.dueDate, filters.dueAfter),
      filters.dueBefore === undefined ? undefined : lt(documentRequests.dueDate, filters.dueBefore),
      filters.overdue === undefined ? undefined : filters.overdue ? overdue : sql`not (${overdue})`,
    ];
  }

  /**
   * GDPR erasure of a contact: its requests that concern only the contact are deleted (items,
   * accesses and notices with them); requests of a project keep the project's checklist and lose
   * the contact. Deliberately outside the read scope: an erasure is never partial.
   */
  async eraseContact(contactId: string): Promise<{ deleted: string[]; detached: string[] }> {
    const deleted = await this.db
      .delete(documentRequests)
      .where(and(eq(documentRequests.contactId, contactId), isNull(documentRequests.projectId)))
      .returning({ id: documentRequests.id });
    const detached = await this.db
      .update(documentRequests)
      .set({ contactId: null, version: sql`${documentRequests.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(documentRequests.contactId, contactId), isNotNull(documentRequests.projectId)))
      .returning({ id: documentRequests.id });
    return { deleted: deleted.map((r) => r.id), detached: detached.map((r) => r.id) };
  }
}
