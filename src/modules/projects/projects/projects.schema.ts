import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { companies } from '../../crm/companies/companies.schema';
import { contacts } from '../../crm/contacts/contacts.schema';
import { leads } from '../../crm/leads/leads.schema';

/** The project pipeline (rules in project.rules.ts); `cancelled` from any open state, with a reason. */
export const projectStatus = pgEnum('project_status', [
  'new',
  'survey_planned',
  'surveyed',
  'scenarios_presented',
  'quoted',
  'contracted',
  'funding_applied',
  'in_execution',
  'completed',
  'closed',
  'cancelled',
]);
export type ProjectStatus = (typeof projectStatus.enumValues)[number];

/** What the customer is interested in (from the lead, or set by the consultant). */
export const projectInterest = pgEnum('project_interest', ['heat_pump', 'insulation', 'windows', 'photovoltaics', 'ventilation', 'energy_consulting', 'other']);
export type ProjectInterest = (typeof projectInterest.enumValues)[number];

/**
 * A consultancy's job for one customer: numbered `P-<year>-<serial>` at creation, for a CRM
 * contact (and optionally a company), started from a converted lead (at most one project per lead:
 * the unique index) or directly. Owner and department are its scope columns, and those of
 * everything in it (buildings, components, scenarios, measures).
 */
export const projects = pgTable(
  'projects',
  {
    ...standardColumns(),
    /** `P-2026-00042`: unique, assigned at creation from the year's counter. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    status: projectStatus('status').notNull().default('new'),
    statusChangedAt: timestamptz('status_changed_at').notNull().defaultNow(),
    /** Why it was cancelled (set with the status `cancelled`). */
    cancellationReason: text('cancellation_reason'),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    sourceLeadId: uuid('source_lead_id').references(() => leads.id, { onDelete: 'restrict' }),
    /** No column default: drizzle-kit cannot read an enum-array default back (the drift test); the service sets it. */
    interests: projectInterest('interests').array().notNull(),
    notes: text('notes'),
    ...ownershipColumns(),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('projects', t),
    ...ownershipIndexes('projects', t),
    uniqueIndex('projects_number_unique').on(t.number),
    uniqueIndex('projects_source_lead_id_unique').on(t.sourceLeadId),
    index('projects_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('projects_updated_at_id_idx').on(t.updatedAt, t.id),
    index('projects_title_idx').on(sql`lower(${t.title})`),
    index('projects_contact_id_idx').on(t.contactId),
    index('projects_company_id_idx').on(t.companyId),
    index('projects_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;

/**
 * One counter per year for project numbers. Creating a project increments its year's row in the
 * creating transaction (an upsert), so the row lock serialises concurrent creations and a rolled-
 * back creation gives its number back: numbers are unique and, in practice, without gaps.
 */
export const projectNumberCounters = pgTable('project_number_counters', {
  year: integer('year').primaryKey(),
  lastValue: integer('last_value').notNull(),
});
