import { Injectable } from '@nestjs/common';
import { valueAt } from '../../workflows/conditions.rules';
import type { TriggerEvent, WaitAction } from '../../workflows/workflow-definition';
import { ActionHandler, ActionOutcome, StepContext } from './action-handler';

/**
 * The instant a wait step is due: `seconds` after `from`, or the date at `untilPath` of the event
 * moved by `offsetSeconds` — never before `from` (a date already past means: go on now). An
 * unreadable date is due at once (the step records it).
 */
export function waitUntil(action: WaitAction, event: TriggerEvent, from: Date): Date {
  if (action.untilPath === undefined) return new Date(from.getTime() + (action.seconds ?? 0) * 1000);
  const raw = valueAt(event, action.untilPath);
  const at = typeof raw === 'string' || typeof raw === 'number' ? new Date(raw) : undefined;
  if (!at || Number.isNaN(at.getTime())) return from;
  const due = new Date(at.getTime() + (action.offsetSeconds ?? 0) * 1000);
  return due > from ? due : from;
}

/** The waiting itself is the step's job being due later (pg-boss `startAfter`): running it just ends the wait. */
@Injectable()
export class WaitHandler implements ActionHandler<WaitAction> {
  readonly mode = 'database';

  async preview(action: WaitAction, ctx: StepContext): Promise<ActionOutcome> {
    return { until: waitUntil(action, ctx.event, new Date()).toISOString() };
  }

  async execute(): Promise<ActionOutcome> {
    return { waited: true };
  }
}
