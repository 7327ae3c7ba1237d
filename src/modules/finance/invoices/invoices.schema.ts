import { sql } from 'drizzle-orm';
import { AnyPgColumn, bigint, boolean, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { postalAddressColumns } from '@libs/contact-data';
import { localizedText, standardColumns, standardIndexes, timestamptz } from '@libs/db';
import type { LocalizedText } from '@libs/shared';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { companies } from '../../crm/companies/companies.schema';
import { contacts } from '../../crm/contacts/contacts.schema';
import { projects } from '../../projects/projects/projects.schema';
import { products } from '../products/products.schema';
import { productUnit, vatCategory } from '../shared/finance-enums.schema';
import type { VatCategory } from '../shared/vat-category';
import { vatRates } from '../vat-rates/vat-rates.schema';

export const invoiceKind = pgEnum('finance_invoice_kind', ['down_payment', 'partial', 'final', 'cancellation', 'standalone']);
export type InvoiceKind = (typeof invoiceKind.enumValues)[number];

export const invoiceStatus = pgEnum('finance_invoice_status', ['draft', 'finalised', 'sent', 'partially_paid', 'paid', 'overdue', 'cancelled']);
export type InvoiceStatus = (typeof invoiceStatus.enumValues)[number];

export const invoiceLanguage = pgEnum('finance_language', ['de', 'en']);
export type InvoiceLanguage = (typeof invoiceLanguage.enumValues)[number];

/** One VAT breakdown row as stored on the invoice (BR-CO-17: tax on the sum of the line nets). */
export interface StoredRateTotal {
  vatCategory: VatCategory;
  rateBasisPoints: number;
  vatRateId: string;
  netCents: number;
  taxCents: number;
}

/** A down payment deducted by a final invoice, per VAT rate. */
export interface StoredDeduction {
  invoiceId: string;
  number: string;
  issueDate: string;
  perRate: { vatCategory: VatCategory; rateBasisPoints: number; netCents: number; taxCents: number }[];
  grossCents: number;
}

/** The supplier as printed on the invoice, copied from the settings at finalisation. */
export interface SellerSnapshot {
  legalName: string;
  street: string;
  postalCode: string;
  city: string;
  countryCode: string;
  taxNumber: string | null;
  vatId: string | null;
  registerCourt: string | null;
  registerNumber: string | null;
  managingDirectors: string[];
  email: string | null;
  phone: string | null;
  website: string | null;
  iban: string | null;
  bic: string | null;
  bankName: string | null;
}

/**
 * Invoices: drafts are edited freely; finalisation assigns the number (gap-free per series and
 * year) and freezes the legal content — a database trigger (hand-written migration) refuses any
 * later change of it and any change of the lines. Corrections are a cancellation invoice
 * (`cancels_invoice_id`) and a new invoice. Owner and department are the scope columns.
 */
export const invoices = pgTable(
  'invoices',
  {
    ...standardColumns(),
    kind: invoiceKind('kind').notNull(),
    status: invoiceStatus('status').notNull().default('draft'),
    /** Assigned at finalisation: `RE-2026-000123`. */
    number: text('number'),
    /** The number format (series) and year the serial counts in. */
    series: text('series'),
    fiscalYear: integer('fiscal_year'),
    serial: integer('serial'),
    language: invoiceLanguage('language').notNull().default('de'),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'restrict' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    /** The accepted quote the invoice comes from (quotes are another table of this context). */
    quoteId: uuid('quote_id'),
    cancelsInvoiceId: uuid('cancels_invoice_id').references((): AnyPgColumn => invoices.id, { onDelete: 'restrict' }),
    cancelledByInvoiceId: uuid('cancelled_by_invoice_id').references((): AnyPgColumn => invoices.id, { onDelete: 'restrict' }),
    cancellationReason: text('cancellation_reason'),
    recipientName: text('recipient_name'),
    recipientAddition: text('recipient_addition'),
    ...postalAddressColumns('recipient'),
    recipientVatId: text('recipient_vat_id'),
    /** A business recipient (B2B: e-invoice); false = a private person (B2C: PDF only). */
    recipientIsBusiness: boolean('recipient_is_business').notNull().default(false),
    /** BT-10: Leitweg-ID or the buyer's reference (XRechnung needs one). */
    buyerReference: text('buyer_reference'),
    /** A property-related service (construction, planning, site supervision): retention note and 6-month rule for private recipients. */
    propertyRelated: boolean('property_related'),
    subject: text('subject'),
    notes: text('notes'),
    issueDate: date('issue_date', { mode: 'string' }),
    serviceDate: date('service_date', { mode: 'string' }),
    servicePeriodStart: date('service_period_start', { mode: 'string' }),
    servicePeriodEnd: date('service_period_end', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    paymentTermsDays: integer('payment_terms_days').notNull().default(14),
    paymentTermsText: localizedText('payment_terms_text'),
    vatBreakdown: jsonb('vat_breakdown').$type<StoredRateTotal[]>().notNull().default([]),
    deductions: jsonb('deductions').$type<StoredDeduction[]>().notNull().default([]),
    netCents: bigint('net_cents', { mode: 'number' }).notNull().default(0),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull().default(0),
    grossCents: bigint('gross_cents', { mode: 'number' }).notNull().default(0),
    /** Down payments deducted (final invoice), gross. */
    prepaidCents: bigint('prepaid_cents', { mode: 'number' }).notNull().default(0),
    amountDueCents: bigint('amount_due_cents', { mode: 'number' }).notNull().default(0),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    seller: jsonb('seller').$type<SellerSnapshot>(),
    /** Legal notes printed (retention, vat_zero_rate, …) and their texts. */
    legalNotes: jsonb('legal_notes').$type<{ key: string; text: string }[]>().notNull().default([]),
    finalisedAt: timestamptz('finalised_at'),
    sentAt: timestamptz('sent_at'),
    paidAt: timestamptz('paid_at'),
    pdfDocumentId: uuid('pdf_document_id'),
    pdfFileId: uuid('pdf_file_id'),
    pdfSha256: text('pdf_sha256'),
    ...ownershipColumns(),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('invoices', t),
    ...ownershipIndexes('invoices', t),
    uniqueIndex('invoices_number_unique').on(t.number),
    uniqueIndex('invoices_series_year_serial_unique').on(t.series, t.fiscalYear, t.serial),
    uniqueIndex('invoices_cancels_invoice_id_unique').on(t.cancelsInvoiceId),
    index('invoices_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('invoices_kind_created_at_idx').on(t.kind, t.createdAt, t.id),
    index('invoices_issue_date_idx').on(t.issueDate, t.id),
    index('invoices_due_date_idx').on(t.dueDate, t.id),
    index('invoices_gross_cents_idx').on(t.grossCents, t.id),
    index('invoices_project_id_idx').on(t.projectId),
    index('invoices_contact_id_idx').on(t.contactId),
    index('invoices_company_id_idx').on(t.companyId),
    index('invoices_quote_id_idx').on(t.quoteId),
    index('invoices_cancelled_by_invoice_id_idx').on(t.cancelledByInvoiceId),
    index('invoices_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('invoices_service_period_order', sql`${t.servicePeriodEnd} is null or ${t.servicePeriodStart} is null or ${t.servicePeriodEnd} >= ${t.servicePeriodStart}`),
    check('invoices_number_when_final', sql`(${t.status} = 'draft') = (${t.number} is null)`),
  ],
);

export type Invoice = typeof invoices.$inferSelect;

/** The positions of an invoice; replaced wholesale while the invoice is a draft, frozen after. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    /** SKU of the product when the line was entered. */
    sku: text('sku'),
    text: localizedText('text').$type<LocalizedText>().notNull(),
    description: localizedText('description'),
    /** Up to 3 decimals; negative on a cancellation. */
    quantity: numeric('quantity', { precision: 12, scale: 3 }).notNull(),
    unit: productUnit('unit').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    discountCents: bigint('discount_cents', { mode: 'number' }).notNull().default(0),
    vatCategory: vatCategory('vat_category').notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
    /** The dated VAT rate row the line was computed with. */
    vatRateId: uuid('vat_rate_id')
      .notNull()
      .references(() => vatRates.id, { onDelete: 'restrict' }),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoice_lines_invoice_position_unique').on(t.invoiceId, t.position),
    index('invoice_lines_product_id_idx').on(t.productId),
    index('invoice_lines_vat_rate_id_idx').on(t.vatRateId),
  ],
);

export type InvoiceLine = typeof invoiceLines.$inferSelect;

/** The last serial per number series and year; its row is locked by the finalisation that takes the next one. */
export const invoiceNumberCounters = pgTable(
  'invoice_number_counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [uniqueIndex('invoice_number_counters_series_year_unique').on(t.series, t.year)],
);

/**
 * What the daily checks already announced (one row per kind, subject and due date), inserted in
 * the transaction of the event: a second run finds the row and emits nothing.
 */
export const financeNotices = pgTable(
  'finance_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('finance_notices_kind_subject_due_unique').on(t.kind, t.subjectId, t.dueOn)],
);

/**
 * Projects that reached `completed`, recorded from `projects.project.status_changed`: the
 * six-month invoicing deadline for property-related services to private persons runs from here.
 */
export const projectCompletions = pgTable(
  'finance_project_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('finance_project_completions_project_unique').on(t.projectId), index('finance_project_completions_completed_on_idx').on(t.completedOn, t.id)],
);
