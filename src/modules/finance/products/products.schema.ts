import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { localizedText, standardColumns, standardIndexes } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { productKind, productUnit, vatCategory } from '../shared/finance-enums.schema';

/**
 * The catalogue quotes and invoices pick lines from. A line copies the product (snapshot) when it
 * is entered, so editing the catalogue never changes an issued document.
 */
export const products = pgTable(
  'products',
  {
    ...standardColumns(),
    /** Article number, unique (also among deleted products, so a restore never collides). */
    sku: text('sku').notNull(),
    name: localizedText('name').notNull(),
    description: localizedText('description'),
    kind: productKind('kind').notNull(),
    unit: productUnit('unit').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    vatCategory: vatCategory('vat_category').notNull(),
    active: boolean('active').notNull().default(true),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('products', t),
    uniqueIndex('products_sku_unique').on(t.sku),
    index('products_name_idx').on(sql`lower(${t.name}->>'de')`),
    index('products_kind_created_at_idx').on(t.kind, t.createdAt, t.id),
    index('products_active_created_at_idx').on(t.active, t.createdAt, t.id),
    index('products_vat_category_idx').on(t.vatCategory),
    index('products_unit_price_idx').on(t.unitPriceCents, t.id),
    index('products_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Product = typeof products.$inferSelect;
