import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@libs/events';
import { WorkflowRunsRepository } from '../runs/workflow-runs.repository';
import { conditionsHold } from '../workflows/conditions.rules';
import type { TriggerEvent } from '../workflows/workflow-definition';
import type { Workflow } from '../workflows/workflows.schema';
import { WorkflowsRepository } from '../workflows/workflows.repository';
import { StepScheduler } from './step-scheduler';

export function toTriggerEvent(event: DomainEvent): TriggerEvent {
  return {
    id: event.id,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    actorId: event.actorId,
    occurredAt: event.occurredAt.toISOString(),
    payload: event.payload,
  };
}

/**
 * Starts the runs events call for, inside the current transaction (the relay's): one query for
 * the batch's workflows, then per matching workflow a run — unless it has one for this event
 * already (unique (workflow, event): a redelivered event starts nothing twice) — with its steps
 * and the first step's job.
 */
@Injectable()
export class RunStarter {
  constructor(
    private readonly workflows: WorkflowsRepository,
    private readonly runs: WorkflowRunsRepository,
    private readonly scheduler: StepScheduler,
  ) {}

  async start(events: readonly DomainEvent[]): Promise<number> {
    const types = [...new Set(events.map((event) => event.type))];
    const candidates = await this.workflows.triggeredBy(types);
    if (candidates.length === 0) return 0;
    let started = 0;
    for (const event of events) {
      const trigger = toTriggerEvent(event);
      for (const workflow of candidates.filter((w) => w.triggerEventType === event.type && conditionsHold(w.conditions, trigger))) {
        if (await this.startRun(workflow, trigger)) started++;
      }
    }
    return started;
  }

  private async startRun(workflow: Workflow, event: TriggerEvent): Promise<boolean> {
    const run = await this.runs.insertRunOnce({
      workflowId: workflow.id,
      workflowVersion: workflow.version,
      eventId: event.id,
      eventType: event.type,
      event,
      status: workflow.actions.length === 0 ? 'succeeded' : 'running',
      finishedAt: workflow.actions.length === 0 ? new Date() : null,
    });
    if (!run || workflow.actions.length === 0) return run !== undefined;
    const steps = await this.runs.insertSteps(
      workflow.actions.map((action, position) => ({
        runId: run.id,
        position,
        actionType: action.type,
        action,
        idempotencyKey: `${run.id}.${position}`,
      })),
    );
    await this.scheduler.schedule(steps.find((s) => s.position === 0) ?? steps[0], event);
    return true;
  }
}
