import { integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';

/** One row per scheduled check: when it last started and finished, so one instance claims each run. */
export const scheduledCheckRuns = pgTable(
  'scheduled_check_runs',
  {
    id: id(),
    name: text('name').notNull(),
    lastStartedAt: timestamptz('last_started_at'),
    lastFinishedAt: timestamptz('last_finished_at'),
    lastEmitted: integer('last_emitted'),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('scheduled_check_runs_name_key').on(t.name)],
);
export type ScheduledCheckRun = typeof scheduledCheckRuns.$inferSelect;
