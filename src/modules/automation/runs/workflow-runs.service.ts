import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { Page, toPage } from '@libs/pagination';
import { AutomationErrors } from '../automation.errors';
import { AUTOMATION_EVENTS } from '../automation.events';
import { StepScheduler } from '../engine/step-scheduler';
import { createdAtCursor, parseCreatedAtCursor } from '../shared/created-at-cursor';
import type { ListWorkflowRunsQueryDto, WorkflowRunDto } from './workflow-run.dto';
import { WorkflowRunsRepository } from './workflow-runs.repository';
import type { WorkflowRun, WorkflowRunStep } from './workflow-runs.schema';

/** Run history, and what users may do to a run: retry a failed one, cancel a running one. */
@Injectable()
export class WorkflowRunsService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly runs: WorkflowRunsRepository,
    private readonly scheduler: StepScheduler,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListWorkflowRunsQueryDto): Promise<Page<WorkflowRunDto>> {
    const rows = await this.runs.list(query, parseCreatedAtCursor(query.cursor));
    const page = toPage(rows, query.limit, createdAtCursor);
    const steps = await this.runs.steps(page.items.map((run) => run.id));
    return { items: page.items.map((run) => toRunDto(run, steps)), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<WorkflowRunDto> {
    const run = await this.runs.findRun(id);
    if (!run) throw AutomationErrors.runNotFound(id);
    return toRunDto(run, await this.runs.steps([id]));
  }

  /** A failed run goes on from its failed (or dead) step, with a new job and a fresh set of retries. */
  async retry(id: string): Promise<WorkflowRunDto> {
    await this.txHost.withTransaction(async () => {
      const run = await this.runs.lockRun(id);
      if (!run) throw AutomationErrors.runNotFound(id);
      if (run.status !== 'failed') throw AutomationErrors.runNotRetryable(id, run.status);
      const step = await this.runs.reopenFrom(id);
      if (!step) throw AutomationErrors.runNotRetryable(id, run.status);
      await this.runs.updateRun(id, { status: 'running', lastError: null, finishedAt: null });
      await this.scheduler.schedule(step, run.event);
      await this.outbox.append(AUTOMATION_EVENTS.workflowRun.retried(id, { workflowId: run.workflowId, eventId: run.eventId, position: step.position }));
    });
    return this.get(id);
  }

  /** A running run stops: steps not begun are cancelled; a step in flight finishes but nothing follows it. */
  async cancel(id: string): Promise<WorkflowRunDto> {
    await this.txHost.withTransaction(async () => {
      const run = await this.runs.lockRun(id);
      if (!run) throw AutomationErrors.runNotFound(id);
      if (run.status !== 'running') throw AutomationErrors.runFinished(id, run.status);
      await this.runs.updateRun(id, { status: 'cancelled', finishedAt: new Date() });
      await this.runs.cancelOpenSteps(id);
      await this.outbox.append(AUTOMATION_EVENTS.workflowRun.cancelled(id, { workflowId: run.workflowId, eventId: run.eventId }));
    });
    return this.get(id);
  }
}

function toRunDto(run: WorkflowRun, steps: WorkflowRunStep[]): WorkflowRunDto {
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowVersion: run.workflowVersion,
    eventId: run.eventId,
    eventType: run.eventType,
    status: run.status,
    lastError: run.lastError,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    finishedAt: run.finishedAt,
    steps: steps
      .filter((step) => step.runId === run.id)
      .map((step) => ({
        id: step.id,
        position: step.position,
        type: step.action.type,
        status: step.status,
        attempts: step.attempts,
        idempotencyKey: step.idempotencyKey,
        runAfter: step.runAfter,
        startedAt: step.startedAt,
        finishedAt: step.finishedAt,
        lastError: step.lastError,
        result: step.result,
      })),
  };
}
