import { boolean, index, integer, jsonb, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, localizedText, standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { contacts } from '../../crm/contacts/contacts.schema';
import { leads } from '../../crm/leads/leads.schema';
import { FORM_KINDS, FormConsent, FormDefinition, FormField, FormSettings, UtmParameters } from './form-definition';

export const formKind = pgEnum('form_kind', FORM_KINDS);

/** A public form (web site, landing page): its current definition; every version is in form_versions. */
export const forms = pgTable(
  'forms',
  {
    ...standardColumns(),
    /** In the public URL: `/public/forms/{slug}`. */
    slug: text('slug').notNull(),
    name: localizedText('name').notNull(),
    kind: formKind('kind').notNull(),
    fields: jsonb('fields').$type<FormField[]>().notNull(),
    consent: jsonb('consent').$type<FormConsent>(),
    confirmation: localizedText('confirmation').notNull(),
    settings: jsonb('settings').$type<FormSettings>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
  },
  (t) => [...standardIndexes('forms', t), uniqueIndex('forms_slug_key').on(t.slug)],
);

export type Form = typeof forms.$inferSelect;

/** The definition of each version of a form (immutable): a submission is validated against and records one. */
export const formVersions = pgTable(
  'form_versions',
  {
    id: id(),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [unique('form_versions_form_id_version_key').on(t.formId, t.version)],
);

export const formSubmissionStatus = pgEnum('form_submission_status', ['accepted', 'rejected']);
export type FormSubmissionStatus = (typeof formSubmissionStatus.enumValues)[number];

export const formRejectionReason = pgEnum('form_rejection_reason', ['honeypot', 'too_fast', 'invalid', 'token_invalid']);
export type FormRejectionReason = (typeof formRejectionReason.enumValues)[number];

/** What the consent checkbox recorded: the version and the text the visitor saw, and when. */
export interface SubmissionConsent extends FormConsent {
  language: 'de' | 'en';
  givenAt: string;
}

/** Every submission, accepted or rejected (spam, invalid) with its reason; rate-limited requests are not stored. */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    id: id(),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id, { onDelete: 'restrict' }),
    formVersion: integer('form_version').notNull(),
    status: formSubmissionStatus('status').notNull(),
    rejectionReason: formRejectionReason('rejection_reason'),
    errors: jsonb('errors').$type<{ path: string; message: string }[]>(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    utm: jsonb('utm').$type<UtmParameters>(),
    consent: jsonb('consent').$type<SubmissionConsent>(),
    language: text('language').notNull(),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
    /** The lead the submission created, or the existing lead or contact it was recognised as (dedup). */
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'restrict' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'restrict' }),
    leadCreated: boolean('lead_created').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('form_submissions_form_created_at_idx').on(t.formId, t.createdAt, t.id),
    index('form_submissions_created_at_id_idx').on(t.createdAt, t.id),
    index('form_submissions_client_ip_created_at_idx').on(t.clientIp, t.createdAt),
    index('form_submissions_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('form_submissions_lead_id_idx').on(t.leadId),
    index('form_submissions_contact_id_idx').on(t.contactId),
  ],
);

export type FormSubmission = typeof formSubmissions.$inferSelect;
