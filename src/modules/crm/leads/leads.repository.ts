import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { arrayContains, eq, sql } from 'drizzle-orm';
import { currentActorId } from '@libs/context';
import { insertRows } from '@libs/db';
import { CommonListFilters, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import type { LeadInterest, LeadSource, LeadStatus } from './leads.schema';
import { Lead, leads, NewLead } from './leads.schema';

/** The rows a scope covers: assigned to or created by the actor, or in their department. */
export const LEAD_SCOPE_COLUMNS = { ownerColumns: [leads.assigneeId, leads.createdBy], departmentColumn: leads.departmentId };

const LEADS: ResourceTableSpec<typeof leads> = {
  table: leads,
  scope: LEAD_SCOPE_COLUMNS,
  constraints: {
    leads_assignee_id_users_id_fk: { path: 'assigneeId', what: 'user' },
    leads_department_id_departments_id_fk: { path: 'departmentId', what: 'department' },
  },
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
    const now = new Date();
    const actor = currentActorId();
    const rows = values.map((value) => completeLead(value, now, actor));
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
