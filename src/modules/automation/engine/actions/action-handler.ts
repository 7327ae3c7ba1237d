import type { StoredAction, TriggerEvent } from '../../workflows/workflow-definition';

/** What an action sees when it runs (or is previewed in test mode). */
export interface StepContext {
  event: TriggerEvent;
  workflowId: string;
  /** Null in test mode. */
  runId: string | null;
  position: number;
  /** The same for every attempt of the step: mails and webhooks carry it. */
  idempotencyKey: string;
}

/** What the action did (stored as the step's result), or in test mode what it would do. */
export type ActionOutcome = Record<string, unknown>;

/**
 * One action type. `external` actions (mail, HTTP) run outside any transaction and must be
 * idempotent by the step's key; `database` actions run inside the transaction that marks the step
 * done, so they happen exactly once.
 */
export interface ActionHandler<A extends StoredAction = StoredAction> {
  readonly mode: 'external' | 'database';
  /** Test mode: resolves and renders everything, changes nothing. */
  preview(action: A, ctx: StepContext): Promise<ActionOutcome>;
  execute(action: A, ctx: StepContext): Promise<ActionOutcome>;
}

/** A failure retrying cannot fix (no recipient address, a refused field value): the step fails at once. */
export class PermanentActionError extends Error {
  override readonly name = 'PermanentActionError';
}
