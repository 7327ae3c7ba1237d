import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '@libs/db';
import { vatCategory } from '../shared/finance-enums.schema';

/**
 * Dated VAT rates per category (reference data, seeded): a rate change is a new row with its
 * `valid_from`, never a deploy. Invoice lines record the row they were computed with.
 */
export const vatRates = pgTable(
  'vat_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    category: vatCategory('category').notNull(),
    /** 1900 = 19 %. */
    rateBasisPoints: integer('rate_basis_points').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /** The legal basis, e.g. "§12 Abs. 1 UStG". */
    source: text('source').notNull(),
    /** The note an invoice must carry for this category (e.g. §12(3) UStG for PV), if any. */
    invoiceNote: text('invoice_note'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vat_rates_category_valid_from_unique').on(t.category, t.validFrom),
    index('vat_rates_valid_from_idx').on(t.validFrom, t.id),
    check('vat_rates_validity_order', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('vat_rates_rate_range', sql`${t.rateBasisPoints} between 0 and 10000`),
  ],
);

export type VatRate = typeof vatRates.$inferSelect;
