import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { postalAddressColumns } from '@libs/contact-data';
import { standardColumns, standardIndexes } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';

export const companyLegalForm = pgEnum('company_legal_form', [
  'gmbh', 'ug', 'ag', 'gmbh_co_kg', 'kg', 'ohg', 'gbr', 'ek', 'sole_trader', 'association', 'cooperative', 'public_body', 'weg', 'other',
]);
export type CompanyLegalForm = (typeof companyLegalForm.enumValues)[number];

/** Organisations: housing companies, owners' associations (WEG), businesses that own a building. */
export const companies = pgTable(
  'companies',
  {
    ...standardColumns(),
    name: text('name').notNull(),
    legalForm: companyLegalForm('legal_form'),
    /** USt-IdNr., upper-case without spaces (`DE123456789`). */
    vatId: text('vat_id'),
    ...postalAddressColumns(),
    website: text('website'),
    /** E.164 (`+4930123456`). */
    phone: text('phone'),
    /** Trimmed and lower-cased. */
    email: text('email'),
    ...ownershipColumns(),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('companies', t),
    ...ownershipIndexes('companies', t),
    index('companies_email_idx').on(t.email.op('text_pattern_ops')),
    index('companies_phone_idx').on(t.phone.op('text_pattern_ops')),
    index('companies_name_idx').on(sql`lower(${t.name})`),
    index('companies_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
