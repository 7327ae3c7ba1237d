import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { localizedText, timestamptz } from '@libs/db';
import type { LocalizedText } from '@libs/shared';
import type { FundingRuleBody } from './rule-body';

export const fundingBody = pgEnum('funding_body', ['bafa', 'kfw', 'tax_office']);
export type FundingBody = (typeof fundingBody.enumValues)[number];
export const fundingApplicationKind = pgEnum('funding_application_kind', ['grant', 'loan', 'tax', 'information']);
export type FundingApplicationKind = (typeof fundingApplicationKind.enumValues)[number];

/** A funding programme (reference data, seeded with deterministic ids): names, funding body, links. */
export const fundingPrograms = pgTable('funding_programs', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable key the calculator routes by: `beg_em_bafa`, `kfw_458`, `kfw_261`, `kfw_358_359`, `ebw`, `estg_35c`. */
  key: text('key').notNull().unique('funding_programs_key_unique'),
  name: localizedText('name').notNull(),
  description: localizedText('description').notNull(),
  fundingBody: fundingBody('funding_body').notNull(),
  applicationKind: fundingApplicationKind('application_kind').notNull(),
  links: jsonb('links').$type<{ label: LocalizedText; url: string }[]>().notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
export type FundingProgram = typeof fundingPrograms.$inferSelect;

/**
 * One dated rule version of a programme (valid_to inclusive, NULL open-ended) with its source and
 * its JSON body (validated by FundingRuleBodyDto). Versions of one programme never overlap (an
 * exclusion constraint, hand-written migration). Never updated: a change is a new version.
 */
export const fundingRuleVersions = pgTable(
  'funding_rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => fundingPrograms.id, { onDelete: 'restrict' }),
    versionLabel: text('version_label').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source').notNull(),
    body: jsonb('body').$type<FundingRuleBody>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('funding_rule_versions_program_valid_from_idx').on(t.programId, t.validFrom),
    check('funding_rule_versions_validity_order', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
export type FundingRuleVersion = typeof fundingRuleVersions.$inferSelect;

export const fundingChecklistStage = pgEnum('funding_checklist_stage', ['application', 'proof']);
export type FundingChecklistStage = (typeof fundingChecklistStage.enumValues)[number];

/** What a programme wants to see (reference data): the documents of the application and of the proofs. */
export const fundingChecklistItems = pgTable(
  'funding_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => fundingPrograms.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    stage: fundingChecklistStage('stage').notNull(),
    label: localizedText('label').notNull(),
    /** The documents context's type key a matching document usually has. */
    documentTypeKey: text('document_type_key'),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('funding_checklist_items_program_key_unique').on(t.programId, t.key)],
);
export type FundingChecklistItem = typeof fundingChecklistItems.$inferSelect;
