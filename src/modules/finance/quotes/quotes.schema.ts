import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import type { LocalizedText } from '@libs/shared';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { companies } from '../../crm/companies/companies.schema';
import { contacts } from '../../crm/contacts/contacts.schema';
import { projects } from '../../projects/projects/projects.schema';
import { QUOTE_ACCEPTANCE_METHODS, QUOTE_STATUSES, QuoteLineKind, QuoteLineType } from './quote.rules';

export const quoteStatus = pgEnum('quote_status', QUOTE_STATUSES);
export const quoteAcceptanceMethod = pgEnum('quote_acceptance_method', QUOTE_ACCEPTANCE_METHODS);
export const quoteLanguage = pgEnum('quote_language', ['de', 'en']);
export type QuoteLanguage = (typeof quoteLanguage.enumValues)[number];

/** Who the quote is addressed to, copied from the CRM when the version was written. */
export interface QuoteRecipient {
  contactId: string;
  companyId: string | null;
  /** The company's name, else the contact's full name. */
  name: string;
  /** The contact person when addressed to a company ("z. Hd. …"). */
  contactName: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
  email: string | null;
}

/** The product a line was taken from, as it was then. */
export interface QuoteProductSnapshot {
  productId: string;
  sku: string;
  name: LocalizedText;
  kind: string;
  unit: string;
  unitPriceCents: number;
  vatCategory: string;
}

/** One line of a version. Section titles carry only `text`; items the amounts. */
export interface StoredQuoteLine {
  position: string;
  kind: QuoteLineKind;
  lineType: QuoteLineType;
  text: LocalizedText;
  product: QuoteProductSnapshot | null;
  /** Decimal string, at most 3 decimals. */
  quantity: string | null;
  unit: string | null;
  unitPriceCents: number | null;
  discountCents: number | null;
  vatCategory: string | null;
  /** quantity × unit price − discount, half-up to cents (also for optional lines, which are not summed). */
  netCents: number | null;
}

/** The totals of a version per VAT rate, with the dated rate rows they used. */
export interface StoredQuoteTotals {
  /** The date whose VAT rates apply (the version's date, Europe/Berlin). */
  ratesOn: string;
  /** The rate of every category the items use (optional ones too). */
  rates: { vatCategory: string; rateBasisPoints: number; vatRateId: string }[];
  perRate: { vatCategory: string; rateBasisPoints: number; vatRateId: string; netCents: number; taxCents: number }[];
}

/**
 * A quote: numbered `A-<year>-<serial>` at creation, for a project and a CRM contact (and
 * optionally a company). The content lives in its versions (quote_versions); the head keeps what
 * lists filter and sort by, copied from the newest version: its status, number, validity and totals.
 */
export const quotes = pgTable(
  'quotes',
  {
    ...standardColumns(),
    number: text('number').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    /** The status of the newest version. */
    status: quoteStatus('status').notNull().default('draft'),
    /** The newest version's number (1, 2, …). */
    revision: integer('revision').notNull().default(1),
    language: quoteLanguage('language').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    totalNetCents: bigint('total_net_cents', { mode: 'number' }).notNull(),
    totalGrossCents: bigint('total_gross_cents', { mode: 'number' }).notNull(),
    sentAt: timestamptz('sent_at'),
    acceptedAt: timestamptz('accepted_at'),
    ...ownershipColumns(),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('quotes', t),
    ...ownershipIndexes('quotes', t),
    uniqueIndex('quotes_number_unique').on(t.number),
    index('quotes_project_id_idx').on(t.projectId),
    index('quotes_contact_id_idx').on(t.contactId),
    index('quotes_company_id_idx').on(t.companyId),
    index('quotes_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('quotes_status_valid_until_idx').on(t.status, t.validUntil),
    index('quotes_valid_until_id_idx').on(t.validUntil, t.id),
    index('quotes_updated_at_id_idx').on(t.updatedAt, t.id),
    index('quotes_number_id_idx').on(t.number, t.id),
    index('quotes_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
export type Quote = typeof quotes.$inferSelect;
export type NewQuote = typeof quotes.$inferInsert;

/**
 * The versions of a quote. A version's content never changes once sent; its lines are one
 * document (read and written whole, products copied as snapshots), hence jsonb.
 */
export const quoteVersions = pgTable(
  'quote_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    status: quoteStatus('status').notNull().default('draft'),
    language: quoteLanguage('language').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    recipient: jsonb('recipient').$type<QuoteRecipient>().notNull(),
    subject: text('subject'),
    notes: text('notes'),
    /** The funding condition clause (Förderklausel) is offered in this version. */
    fundingClause: boolean('funding_clause').notNull().default(false),
    fundingProgramme: text('funding_programme'),
    lines: jsonb('lines').$type<StoredQuoteLine[]>().notNull(),
    totals: jsonb('totals').$type<StoredQuoteTotals>().notNull(),
    totalNetCents: bigint('total_net_cents', { mode: 'number' }).notNull(),
    totalTaxCents: bigint('total_tax_cents', { mode: 'number' }).notNull(),
    totalGrossCents: bigint('total_gross_cents', { mode: 'number' }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
    sentBy: uuid('sent_by'),
    /** The rendered PDF (documents context): document, file and the SHA-256 of its bytes. */
    pdfDocumentId: uuid('pdf_document_id'),
    pdfFileId: uuid('pdf_file_id'),
    pdfSha256: text('pdf_sha256'),
    acceptedAt: timestamptz('accepted_at'),
    /** Who accepted on the customer's side (a name), and how. */
    acceptedByName: text('accepted_by_name'),
    acceptanceMethod: quoteAcceptanceMethod('acceptance_method'),
    /** The clause is part of the contract (decided at acceptance). */
    withFundingClause: boolean('with_funding_clause'),
    /** The user who recorded the customer's answer. */
    answerRecordedBy: uuid('answer_recorded_by'),
    rejectedAt: timestamptz('rejected_at'),
    rejectionReason: text('rejection_reason'),
    expiredAt: timestamptz('expired_at'),
  },
  (t) => [uniqueIndex('quote_versions_quote_id_revision_unique').on(t.quoteId, t.revision)],
);
export type QuoteVersion = typeof quoteVersions.$inferSelect;
export type NewQuoteVersion = typeof quoteVersions.$inferInsert;

/**
 * One counter per year for quote numbers, incremented in the creating transaction (an upsert):
 * the row lock serialises concurrent creations and a rolled-back creation gives its number back.
 */
export const quoteNumberCounters = pgTable(
  'quote_number_counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number format the series belongs to (organisation settings), e.g. `A-{YYYY}-{NNNNNN}`. */
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [uniqueIndex('quote_number_counters_series_year_unique').on(t.series, t.year)],
);
