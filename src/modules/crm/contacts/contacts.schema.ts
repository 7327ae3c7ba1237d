import { sql } from 'drizzle-orm';
import { AnyPgColumn, boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { postalAddressColumns } from '@libs/contact-data';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { companies } from '../companies/companies.schema';
import { crmLanguage, salutation } from '../shared/crm-enums.schema';

/** People: home owners, landlords, property managers; optionally working for a company. */
export const contacts = pgTable(
  'contacts',
  {
    ...standardColumns(),
    salutation: salutation('salutation'),
    /** Academic or honorary title as written (`Dr.`, `Prof. Dr.`). */
    title: text('title'),
    firstName: text('first_name'),
    lastName: text('last_name').notNull(),
    /** Trimmed and lower-cased. */
    email: text('email'),
    /** E.164. */
    phone: text('phone'),
    /** E.164. */
    mobile: text('mobile'),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'set null' }),
    position: text('position'),
    preferredLanguage: crmLanguage('preferred_language').notNull().default('de'),
    ...postalAddressColumns(),
    marketingConsent: boolean('marketing_consent').notNull().default(false),
    /** When consent was given or withdrawn; set whenever `marketing_consent` changes. */
    marketingConsentAt: timestamptz('marketing_consent_at'),
    /** Where consent was recorded: `web_form`, `phone`, `email`, `paper`, `import`, … */
    marketingConsentSource: text('marketing_consent_source'),
    ...ownershipColumns(),
    /** Set (with deleted_at) when this contact was merged into another; its history stays reachable. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => contacts.id, { onDelete: 'restrict' }),
    ...searchTextColumn(),
  },
  (t) => [
    index('contacts_company_id_idx').on(t.companyId),
    ...standardIndexes('contacts', t),
    ...ownershipIndexes('contacts', t),
    index('contacts_merged_into_id_idx').on(t.mergedIntoId),
    // Duplicate detection looks these up exactly.
    index('contacts_email_idx').on(t.email.op('text_pattern_ops')),
    index('contacts_phone_idx').on(t.phone.op('text_pattern_ops')),
    index('contacts_mobile_idx').on(t.mobile.op('text_pattern_ops')),
    index('contacts_last_name_idx').on(sql`lower(${t.lastName})`),
    index('contacts_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
