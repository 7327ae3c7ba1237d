import { sql } from 'drizzle-orm';
import { check, date, index, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { localizedText, timestamptz } from '@libs/db';
import { componentCategory, envelopeTrigger } from '../shared/projects-enums.schema';

/** A legal maximum (GEG Anlage 7) or a funding programme's stricter technical minimum requirement (BEG EM). */
export const requirementSetKind = pgEnum('requirement_set_kind', ['legal_maximum', 'funding_minimum']);
export type RequirementSetKind = (typeof requirementSetKind.enumValues)[number];

/** The U-value a limit is about: the component's U, a window's U_w, a glazing's U_g, a curtain wall's U_c. */
export const uValueQuantity = pgEnum('u_value_quantity', ['u', 'u_w', 'u_g', 'u_c']);
export type UValueQuantity = (typeof uValueQuantity.enumValues)[number];

/**
 * One version of a set of U-value limits, valid from/to a date (inclusive), with its legal basis
 * and source. Versions of the same `key` never overlap (an exclusion constraint). A check result
 * names the version it used, so seeding a new version never changes an old result.
 */
export const requirementSets = pgTable(
  'requirement_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable across versions: `geg_anlage_7`, `beg_em_tma`. */
    key: text('key').notNull(),
    kind: requirementSetKind('kind').notNull(),
    /** How explanations name it: "GEG maximum" / "GEG-Höchstwert". */
    shortName: localizedText('short_name').notNull(),
    name: localizedText('name').notNull(),
    versionLabel: text('version_label').notNull(),
    /** The legal citation as data (paragraph numbers move: GEG → GModG). */
    legalBasis: text('legal_basis').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('requirement_sets_key_valid_from_idx').on(t.key, t.validFrom),
    check('requirement_sets_validity_order', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export type RequirementSet = typeof requirementSets.$inferSelect;

/** A limit of a set: component category × trigger → U_max, with its citation and the component's name. */
export const requirementLimits = pgTable(
  'requirement_limits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requirementSetId: uuid('requirement_set_id')
      .notNull()
      .references(() => requirementSets.id, { onDelete: 'cascade' }),
    category: componentCategory('category').notNull(),
    trigger: envelopeTrigger('trigger').notNull(),
    quantity: uValueQuantity('quantity').notNull(),
    uMax: numeric('u_max', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    /** `Anlage 7 Nr. 1`. */
    citation: text('citation').notNull(),
    /** "Außenwände" / "external walls": how an explanation names the component. */
    componentLabel: localizedText('component_label').notNull(),
  },
  (t) => [uniqueIndex('requirement_limits_set_category_trigger_unique').on(t.requirementSetId, t.category, t.trigger)],
);

export type RequirementLimit = typeof requirementLimits.$inferSelect;
