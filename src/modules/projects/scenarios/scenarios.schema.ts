import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { projects } from '../projects/projects.schema';
import { projectPartColumns } from '../shared/project-part.schema';

/** `isfp`: the individual renovation roadmap (ordered packages); `comparison`: variants side by side. */
export const scenarioKind = pgEnum('scenario_kind', ['isfp', 'comparison']);
export type ScenarioKind = (typeof scenarioKind.enumValues)[number];

/** draft → presented → accepted | rejected | superseded (rules in scenario.rules.ts). */
export const scenarioStatus = pgEnum('scenario_status', ['draft', 'presented', 'accepted', 'rejected', 'superseded']);
export type ScenarioStatus = (typeof scenarioStatus.enumValues)[number];

/** One package of an iSFP, in order (its measures name it by its 1-based number). */
export interface ScenarioPackage {
  title: string;
  plannedYear: number | null;
}

/**
 * A renovation scenario for one building: its packages and (in `measures`) what each contains.
 * Only drafts change. Presenting freezes it into an immutable snapshot (scenario_snapshots); a
 * later change is a new revision (a copy with `previous_revision_id`), never an edit of the
 * presented one.
 */
export const scenarios = pgTable(
  'scenarios',
  {
    ...standardColumns(),
    ...projectPartColumns(),
    name: text('name').notNull(),
    kind: scenarioKind('kind').notNull(),
    status: scenarioStatus('status').notNull().default('draft'),
    statusChangedAt: timestamptz('status_changed_at').notNull().defaultNow(),
    packages: jsonb('packages').$type<ScenarioPackage[]>().notNull(),
    description: text('description'),
    /** 1 for a new scenario; a revision of a presented one counts on. */
    revision: integer('revision').notNull().default(1),
    previousRevisionId: uuid('previous_revision_id').references((): AnyPgColumn => scenarios.id, { onDelete: 'restrict' }),
    copiedFromId: uuid('copied_from_id').references((): AnyPgColumn => scenarios.id, { onDelete: 'restrict' }),
    presentedAt: timestamptz('presented_at'),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('scenarios', t),
    index('scenarios_building_id_created_at_idx').on(t.buildingId, t.createdAt, t.id),
    index('scenarios_project_id_created_at_idx').on(t.projectId, t.createdAt, t.id),
    index('scenarios_previous_revision_id_idx').on(t.previousRevisionId),
    index('scenarios_copied_from_id_idx').on(t.copiedFromId),
  ],
);

export type Scenario = typeof scenarios.$inferSelect;
export type NewScenario = typeof scenarios.$inferInsert;

/**
 * What a scenario was when it was presented: its measures, their check results, the requirement-set
 * and U-value-method versions used, with a sha256 over the canonical JSON. Append-only: the
 * application's role may not change or delete rows (hand-written migration).
 */
export const scenarioSnapshots = pgTable(
  'scenario_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'restrict' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    /** 1, 2, … per scenario. */
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** sha256 (hex) of the canonical JSON of `content`. */
    contentHash: text('content_hash').notNull(),
    presentedAt: timestamptz('presented_at').notNull().defaultNow(),
    presentedBy: uuid('presented_by'),
  },
  (t) => [
    uniqueIndex('scenario_snapshots_scenario_version_unique').on(t.scenarioId, t.version),
    index('scenario_snapshots_project_id_idx').on(t.projectId),
    index('scenario_snapshots_presented_at_id_idx').on(t.presentedAt, t.id),
  ],
);

export type ScenarioSnapshot = typeof scenarioSnapshots.$inferSelect;
