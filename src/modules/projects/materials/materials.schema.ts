import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { localizedText, standardColumns, standardIndexes } from '@libs/db';
import { searchTextColumn } from '@libs/search';

export const materialGroup = pgEnum('material_group', [
  'masonry',
  'concrete',
  'plaster_mortar_screed',
  'insulation',
  'wood',
  'board',
  'metal',
  'glass',
  'membrane',
  'stone',
  'covering',
  'soil',
  'other',
]);
export type MaterialGroup = (typeof materialGroup.enumValues)[number];

/**
 * The building-material catalogue layers are picked from: a name, the design thermal conductivity
 * λ and where it comes from (DIN 4108-4, DIN EN ISO 10456, a manufacturer's declaration). Seeded
 * materials are reference data and read-only; staff add their own. A layer copies name and λ
 * when it is entered, so editing the catalogue never changes a component's U-value.
 */
export const materials = pgTable(
  'materials',
  {
    ...standardColumns(),
    name: localizedText('name').notNull(),
    group: materialGroup('group').notNull(),
    /** Design value λ in W/(m·K). */
    lambda: numeric('lambda', { precision: 7, scale: 4, mode: 'number' }).notNull(),
    densityKgM3: integer('density_kg_m3'),
    source: text('source').notNull(),
    /** Seeded reference data (read-only through the API). */
    seeded: boolean('seeded').notNull().default(false),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('materials', t),
    index('materials_group_created_at_idx').on(t.group, t.createdAt, t.id),
    index('materials_name_idx').on(sql`lower(${t.name}->>'de')`),
    index('materials_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Material = typeof materials.$inferSelect;
