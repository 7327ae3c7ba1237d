import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { companies } from '../companies/companies.schema';
import { contacts } from '../contacts/contacts.schema';
import { leads } from '../leads/leads.schema';

export const activityType = pgEnum('activity_type', ['note', 'call', 'email', 'meeting']);
export type ActivityType = (typeof activityType.enumValues)[number];

export const activityDirection = pgEnum('activity_direction', ['inbound', 'outbound']);
export type ActivityDirection = (typeof activityDirection.enumValues)[number];

/** Notes, calls, e-mails and meetings on the timeline of a lead, a contact and/or a company. */
export const activities = pgTable(
  'activities',
  {
    ...standardColumns(),
    type: activityType('type').notNull(),
    /** Calls and e-mails: who started it. */
    direction: activityDirection('direction'),
    subject: text('subject').notNull(),
    body: text('body'),
    /** When it happened (a call logged afterwards), not when it was recorded. */
    occurredAt: timestamptz('occurred_at').notNull().defaultNow(),
    durationMinutes: integer('duration_minutes'),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'restrict' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'restrict' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    ...ownershipColumns(),
  },
  (t) => [
    check('activities_subject_present', sql`num_nonnulls(${t.leadId}, ${t.contactId}, ${t.companyId}) >= 1`),
    // Timelines read each subject's activities newest first.
    index('activities_lead_timeline_idx').on(t.leadId, t.occurredAt, t.id),
    index('activities_contact_timeline_idx').on(t.contactId, t.occurredAt, t.id),
    index('activities_company_timeline_idx').on(t.companyId, t.occurredAt, t.id),
    ...standardIndexes('activities', t),
    ...ownershipIndexes('activities', t),
    index('activities_occurred_at_id_idx').on(t.occurredAt, t.id),
    index('activities_type_created_at_idx').on(t.type, t.createdAt, t.id),
  ],
);

export type Activity = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
