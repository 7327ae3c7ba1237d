import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { runAsActor } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { WorkflowRunsRepository } from '../runs/workflow-runs.repository';
import type { WorkflowRun, WorkflowRunStep } from '../runs/workflow-runs.schema';
import { ActionOutcome, PermanentActionError, StepContext } from './actions/action-handler';
import { ActionHandlers } from './actions/action-handlers';
import { AutomationJobQueue, StepJob } from './job-queue';
import { StepScheduler } from './step-scheduler';

const MAX_ERROR_LENGTH = 2000;

/**
 * Runs one step job: claim the step (only the job the step names, only while its run is
 * running), perform the action, record the outcome and schedule the next step — each state change
 * in a short transaction of its own; mails and HTTP calls happen between them, never inside one.
 * A failure is recorded on the step and rethrown, so pg-boss retries the job with exponential
 * backoff; the last allowed attempt makes the step `dead` (its job goes to the dead-letter queue)
 * and the run `failed`. A permanent failure (no recipient, a refused value) fails at once.
 */
@Injectable()
export class StepRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(StepRunner.name);

  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly runs: WorkflowRunsRepository,
    private readonly handlers: ActionHandlers,
    private readonly scheduler: StepScheduler,
    private readonly queue: AutomationJobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.startWorker((job) => this.run(job));
  }

  /** Runs every due step job in this process (tests, tools); the worker need not run. */
  runDue(): Promise<{ completed: number; failed: number }> {
    return this.queue.runDue((job) => this.run(job));
  }

  run(job: StepJob): Promise<void> {
    return runAsActor(async () => {
      const claimed = await this.claim(job);
      if (!claimed) return;
      const { step, run } = claimed;
      const handler = this.handlers.for(step.action);
      const ctx: StepContext = { event: run.event, workflowId: run.workflowId, runId: run.id, position: step.position, idempotencyKey: step.idempotencyKey };
      try {
        if (handler.mode === 'external') {
          const outcome = await handler.execute(step.action, ctx);
          await this.txHost.withTransaction(() => this.complete(job.id, step.id, outcome));
        } else {
          // Database actions commit together with the step's success: exactly once.
          await this.txHost.withTransaction(async () => {
            if (await this.ours(job.id, step.id)) await this.complete(job.id, step.id, await handler.execute(step.action, ctx));
          });
        }
      } catch (error) {
        await this.recordFailure(job, step, error);
        if (error instanceof PermanentActionError) return;
        throw error;
      }
    });
  }

  private claim(job: StepJob): Promise<{ step: WorkflowRunStep; run: WorkflowRun } | undefined> {
    return this.txHost.withTransaction(async () => {
      const found = await this.runs.lockStep(job.data.stepId);
      if (!found) return undefined;
      const { step, run } = found;
      if (step.jobId !== job.id || run.status !== 'running' || (step.status !== 'queued' && step.status !== 'running')) return undefined;
      const startedAt = new Date();
      await this.runs.updateStep(step.id, { status: 'running', attempts: step.attempts + 1, startedAt });
      return { step: { ...step, status: 'running', attempts: step.attempts + 1, startedAt }, run };
    });
  }

  /** The step is still this job's and running (not cancelled, not superseded by a retry). */
  private async ours(jobId: string, stepId: string): Promise<boolean> {
    const found = await this.runs.lockStep(stepId);
    return !!found && found.step.jobId === jobId && found.step.status === 'running';
  }

  private async complete(jobId: string, stepId: string, outcome: ActionOutcome): Promise<void> {
    const found = await this.runs.lockStep(stepId);
    if (!found || found.step.jobId !== jobId || found.step.status !== 'running') return;
    const { step } = found;
    await this.runs.updateStep(step.id, { status: 'succeeded', result: outcome, finishedAt: new Date(), lastError: null });
    const run = await this.runs.lockRun(step.runId);
    if (!run || run.status !== 'running') return;
    const next = await this.runs.stepAfter(run.id, step.position);
    if (next) await this.scheduler.schedule(next, run.event);
    else await this.runs.updateRun(run.id, { status: 'succeeded', finishedAt: new Date(), lastError: null });
  }

  private async recordFailure(job: StepJob, step: WorkflowRunStep, error: unknown): Promise<void> {
    const permanent = error instanceof PermanentActionError;
    const final = permanent || job.retryCount >= job.retryLimit;
    const message = describe(error).slice(0, MAX_ERROR_LENGTH);
    await this.txHost.withTransaction(async () => {
      if (!(await this.ours(job.id, step.id))) return;
      await this.runs.updateStep(step.id, { status: permanent ? 'failed' : final ? 'dead' : 'queued', lastError: message, finishedAt: final ? new Date() : null });
      if (!final) return;
      const run = await this.runs.lockRun(step.runId);
      if (!run || run.status !== 'running') return;
      await this.runs.updateRun(run.id, { status: 'failed', lastError: `step ${step.position} (${step.actionType}): ${message}`, finishedAt: new Date() });
      await this.runs.cancelOpenSteps(run.id);
    });
    const where = `step ${step.position} (${step.actionType}) of run ${step.runId}, attempt ${step.attempts}`;
    if (final) this.logger.error(`${permanent ? 'failed' : 'dead-lettered'} ${where}: ${message}`);
    else this.logger.warn(`${where} failed, pg-boss retries it: ${message}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
