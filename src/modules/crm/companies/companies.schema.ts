import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { standardColumns } from '@libs/db';
import { departments } from '../../auth/departments/departments.schema';
import { users } from '../../auth/users/users.schema';
import { postalAddressColumns, searchTextColumn } from '../shared/crm-columns';

export const companyLegalForm = pgEnum('company_legal_form', [
  'gmbh',
  'ug',
  'ag',
  'gmbh_co_kg',
  'kg',
  'ohg',
  'gbr',
  'ek',
  'sole_trader',
  'association',
  'cooperative',
  'public_body',
  'weg',
  'other',
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
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'restrict' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
    ...searchTextColumn(),
  },
  (t) => [
    index('companies_owner_id_idx').on(t.ownerId),
    index('companies_department_id_idx').on(t.departmentId),
    index('companies_created_by_idx').on(t.createdBy),
    index('companies_email_idx').on(t.email.op('text_pattern_ops')),
    index('companies_phone_idx').on(t.phone.op('text_pattern_ops')),
    // Default list order (newest first) and the keyset of every created_at sort.
    index('companies_created_at_id_idx').on(t.createdAt, t.id),
    index('companies_name_idx').on(sql`lower(${t.name})`),
    index('companies_deleted_at_idx').on(t.deletedAt),
    index('companies_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
