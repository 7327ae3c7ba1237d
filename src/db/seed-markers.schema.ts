import { pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '@libs/db';

/** One row per seed that has run: seeds are idempotent and incremental through these markers. */
export const seedMarkers = pgTable('seed_markers', {
  key: text('key').primaryKey(),
  description: text('description').notNull(),
  appliedAt: timestamptz('applied_at').notNull().defaultNow(),
});
