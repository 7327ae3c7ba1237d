import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowRunsRepository } from '../runs/workflow-runs.repository';
import type { WorkflowRunStep } from '../runs/workflow-runs.schema';
import type { TriggerEvent, WaitAction } from '../workflows/workflow-definition';
import { waitUntil } from './actions/wait.action';
import { AutomationJobQueue } from './job-queue';

/**
 * Makes a step the run's next one: `queued` with a fresh job, due now — or, for a wait, when the
 * wait ends (the job's `startAfter`, kept in the database: a restart loses no wait). Inside the
 * caller's transaction, together with the state change that led to it.
 */
@Injectable()
export class StepScheduler {
  constructor(
    private readonly runs: WorkflowRunsRepository,
    private readonly queue: AutomationJobQueue,
  ) {}

  async schedule(step: WorkflowRunStep, event: TriggerEvent, now = new Date()): Promise<void> {
    const runAfter = step.action.type === 'wait' ? waitUntil(step.action as WaitAction, event, now) : now;
    const jobId = randomUUID();
    await this.runs.updateStep(step.id, { status: 'queued', jobId, runAfter, lastError: null, finishedAt: null });
    await this.queue.enqueue(jobId, step.id, runAfter);
  }
}
