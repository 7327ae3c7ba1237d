import { bigint, boolean, index, integer, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { postalAddressColumns } from '@libs/contact-data';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { departments } from '../../auth/departments/departments.schema';
import { users } from '../../auth/users/users.schema';
import { companies } from '../companies/companies.schema';
import { contacts } from '../contacts/contacts.schema';
import { crmLanguage, salutation } from '../shared/crm-enums.schema';

export const leadSource = pgEnum('lead_source', ['website_form', 'phone', 'email', 'referral', 'partner', 'campaign', 'event', 'other']);
export type LeadSource = (typeof leadSource.enumValues)[number];

/** The pipeline: new → contacted → qualified → converted | lost (rules in lead-status.rules.ts). */
export const leadStatus = pgEnum('lead_status', ['new', 'contacted', 'qualified', 'converted', 'lost']);
export type LeadStatus = (typeof leadStatus.enumValues)[number];

export const leadLostReason = pgEnum('lead_lost_reason', [
  'not_reachable', 'not_interested', 'no_budget', 'not_eligible_for_funding', 'chose_competitor', 'project_postponed', 'out_of_service_area', 'duplicate', 'other',
]);
export type LeadLostReason = (typeof leadLostReason.enumValues)[number];

export const leadInterest = pgEnum('lead_interest', ['heat_pump', 'insulation', 'windows', 'photovoltaics', 'ventilation', 'energy_consulting', 'other']);
export type LeadInterest = (typeof leadInterest.enumValues)[number];

export const buildingType = pgEnum('building_type', [
  'single_family', 'semi_detached', 'terraced', 'multi_family', 'apartment', 'commercial', 'mixed_use', 'other',
]);
export type BuildingType = (typeof buildingType.enumValues)[number];

/**
 * An enquiry before it becomes a customer: who asked (contact data until conversion), about what
 * (interests), for which building (property at intake), and where it stands in the pipeline.
 */
export const leads = pgTable(
  'leads',
  {
    ...standardColumns(),
    source: leadSource('source').notNull(),
    status: leadStatus('status').notNull().default('new'),
    statusChangedAt: timestamptz('status_changed_at').notNull().defaultNow(),
    lostReason: leadLostReason('lost_reason'),
    lostNote: text('lost_note'),
    /** No column default: drizzle-kit cannot read an enum-array default back (the drift test); the repository sets it. */
    interests: leadInterest('interests').array().notNull(),
    /** What the enquirer wrote (web form message, call note). */
    message: text('message'),
    // Contact data as captured; the contact created at conversion takes it over.
    salutation: salutation('salutation'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyName: text('company_name'),
    /** Trimmed and lower-cased. */
    email: text('email'),
    /** E.164. */
    phone: text('phone'),
    preferredLanguage: crmLanguage('preferred_language').notNull().default('de'),
    // The property at intake.
    ...postalAddressColumns('property'),
    buildingType: buildingType('building_type'),
    yearBuilt: integer('year_built'),
    livingAreaM2: numeric('living_area_m2', { precision: 9, scale: 2, mode: 'number' }),
    residentialUnits: integer('residential_units'),
    ownerOccupied: boolean('owner_occupied'),
    /** Expected order value in euro cents. */
    estimatedValueCents: bigint('estimated_value_cents', { mode: 'number' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'restrict' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
    convertedAt: timestamptz('converted_at'),
    convertedContactId: uuid('converted_contact_id').references(() => contacts.id, { onDelete: 'restrict' }),
    convertedCompanyId: uuid('converted_company_id').references(() => companies.id, { onDelete: 'restrict' }),
    ...searchTextColumn(),
  },
  (t) => [
    // Keyset orders: (sort key, id), ascending (default NULLS order): scanned forwards for ASC and
    // backwards for DESC, both matching a plain ORDER BY. Filters that are also foreign keys lead a
    // (column, created_at, id) index, so a filtered page is an index range scan in list order.
    ...standardIndexes('leads', t),
    index('leads_updated_at_id_idx').on(t.updatedAt, t.id),
    index('leads_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('leads_source_created_at_idx').on(t.source, t.createdAt, t.id),
    index('leads_assignee_created_at_idx').on(t.assigneeId, t.createdAt, t.id),
    index('leads_department_created_at_idx').on(t.departmentId, t.createdAt, t.id),
    index('leads_converted_contact_id_idx').on(t.convertedContactId),
    index('leads_converted_company_id_idx').on(t.convertedCompanyId),
    index('leads_interests_idx').using('gin', t.interests),
    index('leads_email_idx').on(t.email.op('text_pattern_ops')),
    index('leads_phone_idx').on(t.phone.op('text_pattern_ops')),
    index('leads_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Lead = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
