import { sql } from 'drizzle-orm';
import { check, date, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '@libs/db';
import { componentBoundary, heatFlowDirection } from '../shared/projects-enums.schema';

/**
 * Dated reference data of the U-value calculation: the standard's edition, how many significant
 * figures it presents U with, and (below) its surface resistances. A computed U records the method
 * row it used, so it can be reproduced after a new edition is seeded.
 */
export const uValueMethods = pgTable(
  'u_value_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key of the method across editions: `din_en_iso_6946`. */
    key: text('key').notNull(),
    /** `DIN EN ISO 6946:2018-03`. */
    edition: text('edition').notNull(),
    significantFigures: integer('significant_figures').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('u_value_methods_key_valid_from_unique').on(t.key, t.validFrom),
    check('u_value_methods_validity_order', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export type UValueMethod = typeof uValueMethods.$inferSelect;

/** R_si and R_se of a method by heat-flow direction and what lies on the cold side (m²·K/W). */
export const surfaceResistances = pgTable(
  'surface_resistances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    methodId: uuid('method_id')
      .notNull()
      .references(() => uValueMethods.id, { onDelete: 'cascade' }),
    heatFlow: heatFlowDirection('heat_flow').notNull(),
    boundary: componentBoundary('boundary').notNull(),
    rsi: numeric('rsi', { precision: 5, scale: 3, mode: 'number' }).notNull(),
    rse: numeric('rse', { precision: 5, scale: 3, mode: 'number' }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('surface_resistances_method_flow_boundary_unique').on(t.methodId, t.heatFlow, t.boundary)],
);

export type SurfaceResistance = typeof surfaceResistances.$inferSelect;
