import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { localizedText, standardColumns, standardIndexes } from '@libs/db';
import type { Condition, StoredAction } from './workflow-definition';

/**
 * An automation: when an event of `trigger_event_type` happens and every condition holds, run the
 * actions in order. `version` (bumped by every change) is what a run records it ran; the audit log
 * keeps every earlier definition.
 */
export const workflows = pgTable(
  'workflows',
  {
    ...standardColumns(),
    name: localizedText('name').notNull(),
    description: text('description'),
    triggerEventType: text('trigger_event_type').notNull(),
    conditions: jsonb('conditions').$type<Condition[]>().notNull(),
    actions: jsonb('actions').$type<StoredAction[]>().notNull(),
    enabled: boolean('enabled').notNull().default(false),
  },
  (t) => [
    ...standardIndexes('workflows', t),
    // The trigger subscriber's lookup: enabled, live workflows of one event type.
    index('workflows_trigger_idx').on(t.triggerEventType).where(sql`enabled and deleted_at is null`),
  ],
);

export type Workflow = typeof workflows.$inferSelect;
export type NewWorkflow = typeof workflows.$inferInsert;
