import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';
import type { StoredAction, TriggerEvent } from '../workflows/workflow-definition';
import { workflows } from '../workflows/workflows.schema';

export const workflowRunStatus = pgEnum('workflow_run_status', ['running', 'succeeded', 'failed', 'cancelled']);
export type WorkflowRunStatus = (typeof workflowRunStatus.enumValues)[number];

/**
 * One execution of a workflow for one event: started by the trigger subscriber in the relay's
 * transaction, at most once per (workflow, event) — the unique constraint guarantees it.
 */
export const workflowRuns = pgTable(
  'workflow_runs',
  {
    id: id(),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'restrict' }),
    workflowVersion: integer('workflow_version').notNull(),
    /** No foreign key: outbox retention deletes old events, the run keeps its copy (`event`). */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    event: jsonb('event').$type<TriggerEvent>().notNull(),
    status: workflowRunStatus('status').notNull().default('running'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at')
      .notNull()
      .defaultNow()
      .$onUpdateFn(() => sql`now()`),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [
    unique('workflow_runs_workflow_id_event_id_key').on(t.workflowId, t.eventId),
    index('workflow_runs_created_at_id_idx').on(t.createdAt, t.id),
    index('workflow_runs_workflow_created_at_idx').on(t.workflowId, t.createdAt, t.id),
    index('workflow_runs_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('workflow_runs_event_id_idx').on(t.eventId),
  ],
);

export type WorkflowRun = typeof workflowRuns.$inferSelect;

export const workflowStepStatus = pgEnum('workflow_step_status', ['pending', 'queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled']);
export type WorkflowStepStatus = (typeof workflowStepStatus.enumValues)[number];

/**
 * One action of a run, with a copy of its definition as it was when the run started. `queued`: a
 * job exists (`run_after`: when it is due); `failed`: a permanent error; `dead`: the retries are
 * spent. `idempotency_key` is the same for every attempt: mails and webhooks carry it.
 */
export const workflowRunSteps = pgTable(
  'workflow_run_steps',
  {
    id: id(),
    runId: uuid('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    actionType: text('action_type').notNull(),
    action: jsonb('action').$type<StoredAction>().notNull(),
    status: workflowStepStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The pg-boss job allowed to run this step now (a retry through the API gets a new one). */
    jobId: uuid('job_id'),
    runAfter: timestamptz('run_after'),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    lastError: text('last_error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    updatedAt: timestamptz('updated_at')
      .notNull()
      .defaultNow()
      .$onUpdateFn(() => sql`now()`),
  },
  (t) => [
    unique('workflow_run_steps_run_id_position_key').on(t.runId, t.position),
    unique('workflow_run_steps_idempotency_key_key').on(t.idempotencyKey),
  ],
);

export type WorkflowRunStep = typeof workflowRunSteps.$inferSelect;
export type NewWorkflowRunStep = typeof workflowRunSteps.$inferInsert;
