import { bigint, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes } from '@libs/db';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { measures } from '../../projects/measures/measures.schema';
import { projects } from '../../projects/projects/projects.schema';
import { scenarios } from '../../projects/scenarios/scenarios.schema';

/**
 * A stored calculation of a scenario or a measure: the inputs exactly as used (facts copied from
 * the project at that moment), the result and the rule versions it used. Immutable: the database
 * role of the application may insert and read, never update or delete (hand-written migration),
 * so figures once presented never change when rules or the project change.
 */
export const fundingCalculations = pgTable(
  'funding_calculations',
  {
    ...standardColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    scenarioId: uuid('scenario_id').references(() => scenarios.id, { onDelete: 'restrict' }),
    measureId: uuid('measure_id').references(() => measures.id, { onDelete: 'restrict' }),
    decisiveDate: date('decisive_date', { mode: 'string' }).notNull(),
    input: jsonb('input').notNull(),
    result: jsonb('result').notNull(),
    ruleVersionIds: uuid('rule_version_ids').array().notNull(),
    bestRoute: text('best_route'),
    bestTotalCents: bigint('best_total_cents', { mode: 'number' }).notNull(),
    ...ownershipColumns(),
  },
  (t) => [
    ...standardIndexes('funding_calculations', t),
    ...ownershipIndexes('funding_calculations', t),
    index('funding_calculations_project_id_idx').on(t.projectId, t.createdAt, t.id),
    index('funding_calculations_scenario_id_idx').on(t.scenarioId),
    index('funding_calculations_measure_id_idx').on(t.measureId),
  ],
);
export type FundingCalculation = typeof fundingCalculations.$inferSelect;
