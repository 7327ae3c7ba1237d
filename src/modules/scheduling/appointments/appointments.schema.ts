import { boolean, customType, date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { localizedText, standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { users } from '../../auth/users/users.schema';
import { contacts } from '../../crm/contacts/contacts.schema';
import { leads } from '../../crm/leads/leads.schema';
import { projects } from '../../projects/projects/projects.schema';

/** A PostgreSQL `tstzrange`, written and read as its text form `[from,to)`. */
export const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });

export const appointmentKind = pgEnum('scheduling_appointment_kind', [
  'on_site_visit',
  'consultation',
  'isfp_handover',
  'construction_supervision',
  'phone_call',
  'internal',
]);
export type AppointmentKind = (typeof appointmentKind.enumValues)[number];

/** tentative → confirmed → completed | cancelled | no_show (rules in appointment.rules.ts). */
export const appointmentStatus = pgEnum('scheduling_appointment_status', ['tentative', 'confirmed', 'completed', 'cancelled', 'no_show']);
export type AppointmentStatus = (typeof appointmentStatus.enumValues)[number];

export const appointmentLanguage = pgEnum('scheduling_language', ['de', 'en']);

/**
 * Dated reference data per appointment kind: default travel buffers and reminder lead times
 * (seeded with deterministic ids; a booking records which row it used).
 */
export const appointmentKindSettings = pgTable(
  'appointment_kind_settings',
  {
    id: uuid('id').primaryKey(),
    kind: appointmentKind('kind').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull(),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull(),
    /** Minutes before the start at which `scheduling.appointment.reminder_due` is emitted. */
    reminderLeadMinutes: integer('reminder_lead_minutes').array().notNull(),
    /** Whether the appointment needs a postal address (else remote or internal). */
    onSite: boolean('on_site').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('appointment_kind_settings_kind_valid_from_unique').on(t.kind, t.validFrom)],
);
export type AppointmentKindSetting = typeof appointmentKindSettings.$inferSelect;

/**
 * A booked time with one or more consultants (appointment_participants). Start and end are UTC
 * instants; the buffered range each participant blocks lives on the participant rows, where the
 * exclusion constraint guards it. `sequence` is the ICS SEQUENCE (bumped on every change a
 * calendar must see). Owner = the first consultant, department = theirs: the scope columns.
 */
export const appointments = pgTable(
  'appointments',
  {
    ...standardColumns(),
    kind: appointmentKind('kind').notNull(),
    kindSettingId: uuid('kind_setting_id')
      .notNull()
      .references(() => appointmentKindSettings.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    status: appointmentStatus('status').notNull().default('tentative'),
    statusReason: text('status_reason'),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull(),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull(),
    outsideWorkingHours: boolean('outside_working_hours').notNull().default(false),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'restrict' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'restrict' }),
    locationStreet: text('location_street'),
    locationPostalCode: text('location_postal_code'),
    locationCity: text('location_city'),
    remoteUrl: text('remote_url'),
    notes: localizedText('notes'),
    language: appointmentLanguage('language').notNull().default('de'),
    consultantIds: uuid('consultant_ids').array().notNull(),
    sequence: integer('sequence').notNull().default(0),
    ...ownershipColumns(),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('appointments', t),
    ...ownershipIndexes('appointments', t),
    index('appointments_starts_at_id_idx').on(t.startsAt, t.id),
    index('appointments_status_starts_at_idx').on(t.status, t.startsAt),
    index('appointments_kind_setting_id_idx').on(t.kindSettingId),
    index('appointments_contact_id_idx').on(t.contactId),
    index('appointments_project_id_idx').on(t.projectId),
    index('appointments_lead_id_idx').on(t.leadId),
    index('appointments_consultant_ids_idx').using('gin', t.consultantIds),
    index('appointments_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;

/**
 * One row per consultant of an appointment: the buffered range they are blocked for and whether
 * it counts (`active`: the appointment is neither cancelled nor deleted). The exclusion constraint
 * `appointment_participants_no_overlap` (hand-written migration, btree_gist) refuses two active
 * overlapping ranges of one user — the database's guarantee against double booking.
 */
export const appointmentParticipants = pgTable(
  'appointment_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    busy: tstzrange('busy').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('appointment_participants_appointment_user_unique').on(t.appointmentId, t.userId), index('appointment_participants_user_id_idx').on(t.userId)],
);

/** A reminder emitted (one per appointment, lead time and start): makes the reminder check idempotent. */
export const appointmentReminders = pgTable(
  'appointment_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    leadMinutes: integer('lead_minutes').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    emittedAt: timestamptz('emitted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('appointment_reminders_unique').on(t.appointmentId, t.leadMinutes, t.startsAt)],
);

/** A customer self-service link: only the SHA-256 of its token is stored. */
export const appointmentCustomerLinks = pgTable(
  'appointment_customer_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    /** Offered alternatives: `[{ startsAt, endsAt }]` (ISO 8601). */
    alternatives: jsonb('alternatives').$type<{ startsAt: string; endsAt: string }[]>().notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('appointment_customer_links_token_hash_unique').on(t.tokenHash), index('appointment_customer_links_appointment_id_idx').on(t.appointmentId)],
);
export type AppointmentCustomerLink = typeof appointmentCustomerLinks.$inferSelect;

/** Requests to the public endpoints per client address (rate limit), kept a day. */
export const schedulingPublicRequests = pgTable(
  'scheduling_public_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientIp: text('client_ip').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('scheduling_public_requests_client_ip_created_at_idx').on(t.clientIp, t.createdAt)],
);

/** A user's private calendar feed: the SHA-256 of its token (one per user; a new one replaces it). */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feed_tokens_user_id_unique').on(t.userId), uniqueIndex('calendar_feed_tokens_token_hash_unique').on(t.tokenHash)],
);
