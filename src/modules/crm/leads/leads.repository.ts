import { Injectable } from '@nestjs/common';
import { arrayContains, eq, sql } from 'drizzle-orm';
import { completeRows, insertRows } from '@libs/db';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import type { LeadInterest, LeadSource, LeadStatus } from './leads.schema';
import { Lead, leads, NewLead } from './leads.schema';

/** The rows a scope covers: assigned to or created by the actor, or in their department. */
export const LEAD_SCOPE_COLUMNS = { ownerColumns: [leads.assigneeId, leads.createdBy], departmentColumn: leads.departmentId };

const LEADS: ResourceTableSpec<typeof leads> = {
  table: leads,
  scope: LEAD_SCOPE_COLUMNS,
  constraints: referenceConstraints('leads', { assigneeId: 'users', departmentId: 'departments' }),
  sort: {
    fields: { createdAt: { expression: leads.createdAt, type: 'timestamp' }, updatedAt: { expression: leads.updatedAt, type: 'timestamp' } },
    tieBreaker: leads.id,
    defaultSort: '-createdAt',
  },
  search: { text: leads.searchText, emails: [leads.email], phones: [leads.phone] },
  filters: { status: leads.status, source: leads.source, assigneeId: leads.assigneeId, departmentId: leads.departmentId },
};

export interface LeadFilters extends CommonListFilters {
  status?: LeadStatus[];
  source?: LeadSource[];
  interest?: LeadInterest;
  assigneeId?: string;
  departmentId?: string;
}

/** The only code that reads and writes `leads`. Every read takes the actor's scope into its WHERE. */
@Injectable()
export class LeadsRepository extends ResourceRepository<typeof leads, LeadFilters> {
  protected readonly spec = LEADS;

  protected override filterConditions(filters: LeadFilters) {
    return [filters.interest ? arrayContains(leads.interests, [filters.interest]) : undefined];
  }

  /**
   * Bulk insert for import batches, as one statement (`insertRows`): every row is completed here
   * (ids, defaults, audit columns), so the rows as written are returned without RETURNING.
   */
  async insertMany(values: NewLead[]): Promise<Lead[]> {
    if (values.length === 0) return [];
    const rows = completeRows(leads, values);
    await this.mapConstraints(() => insertRows(this.db, leads, rows));
    return rows;
  }

  /** Merge of contacts: converted leads of `fromContactId` now name `toContactId`; returns their ids. */
  async reassignConvertedContact(fromContactId: string, toContactId: string): Promise<{ id: string }[]> {
    return this.db
      .update(leads)
      .set({ convertedContactId: toContactId, version: sql`${leads.version} + 1` })
      .where(eq(leads.convertedContactId, fromContactId))
      .returning({ id: leads.id });
  }
}
