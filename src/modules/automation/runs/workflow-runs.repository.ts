import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { NewWorkflowRunStep, WorkflowRun, workflowRuns, WorkflowRunStatus, WorkflowRunStep, workflowRunSteps } from './workflow-runs.schema';

export type NewWorkflowRun = typeof workflowRuns.$inferInsert;
export type StepChanges = Partial<Omit<NewWorkflowRunStep, 'id' | 'runId' | 'position'>>;

export interface RunFilters {
  limit: number;
  workflowId?: string;
  status?: WorkflowRunStatus[];
  eventId?: string;
}

/** Runs and their steps: the only SQL on workflow_runs and workflow_run_steps. */
@Injectable()
export class WorkflowRunsRepository extends Repository {
  /** The run, unless this workflow already has one for this event (then undefined: never two). */
  async insertRunOnce(run: NewWorkflowRun): Promise<WorkflowRun | undefined> {
    const [row] = await this.db.insert(workflowRuns).values(run).onConflictDoNothing({ target: [workflowRuns.workflowId, workflowRuns.eventId] }).returning();
    return row;
  }

  async insertSteps(steps: NewWorkflowRunStep[]): Promise<WorkflowRunStep[]> {
    return this.db.insert(workflowRunSteps).values(steps).returning();
  }

  /** A step and its run, the step locked until the transaction ends (one attempt at a time). */
  async lockStep(stepId: string): Promise<{ step: WorkflowRunStep; run: WorkflowRun } | undefined> {
    const [row] = await this.db
      .select({ step: workflowRunSteps, run: workflowRuns })
      .from(workflowRunSteps)
      .innerJoin(workflowRuns, eq(workflowRuns.id, workflowRunSteps.runId))
      .where(eq(workflowRunSteps.id, stepId))
      .for('update', { of: workflowRunSteps });
    return row;
  }

  async lockRun(runId: string): Promise<WorkflowRun | undefined> {
    const [row] = await this.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId)).for('update');
    return row;
  }

  async updateStep(stepId: string, changes: StepChanges): Promise<void> {
    await this.db.update(workflowRunSteps).set(changes).where(eq(workflowRunSteps.id, stepId));
  }

  async updateRun(runId: string, changes: Partial<Pick<WorkflowRun, 'status' | 'lastError' | 'finishedAt'>>): Promise<void> {
    await this.db.update(workflowRuns).set(changes).where(eq(workflowRuns.id, runId));
  }

  async stepAfter(runId: string, position: number): Promise<WorkflowRunStep | undefined> {
    const [row] = await this.db
      .select()
      .from(workflowRunSteps)
      .where(and(eq(workflowRunSteps.runId, runId), gt(workflowRunSteps.position, position)))
      .orderBy(asc(workflowRunSteps.position))
      .limit(1);
    return row;
  }

  async steps(runIds: readonly string[]): Promise<WorkflowRunStep[]> {
    if (runIds.length === 0) return [];
    return this.db.select().from(workflowRunSteps).where(inArray(workflowRunSteps.runId, [...runIds])).orderBy(asc(workflowRunSteps.runId), asc(workflowRunSteps.position));
  }

  /** Steps not yet begun become cancelled (a cancelled or failed run). */
  async cancelOpenSteps(runId: string): Promise<void> {
    await this.db
      .update(workflowRunSteps)
      .set({ status: 'cancelled' })
      .where(and(eq(workflowRunSteps.runId, runId), inArray(workflowRunSteps.status, ['pending', 'queued'])));
  }

  /** The failed or dead step of a run and every step after it become pending again; returns the first. */
  async reopenFrom(runId: string): Promise<WorkflowRunStep | undefined> {
    const [first] = await this.db
      .select()
      .from(workflowRunSteps)
      .where(and(eq(workflowRunSteps.runId, runId), inArray(workflowRunSteps.status, ['failed', 'dead'])))
      .orderBy(asc(workflowRunSteps.position))
      .limit(1);
    if (!first) return undefined;
    await this.db
      .update(workflowRunSteps)
      .set({ status: 'pending' })
      .where(and(eq(workflowRunSteps.runId, runId), gt(workflowRunSteps.position, first.position), eq(workflowRunSteps.status, 'cancelled')));
    return first;
  }

  async findRun(id: string): Promise<WorkflowRun | undefined> {
    const [row] = await this.db.select().from(workflowRuns).where(eq(workflowRuns.id, id));
    return row;
  }

  /** Newest first; `after` is the previous page's last (createdAt, id). One row more than `limit`. */
  async list(filters: RunFilters, after?: { createdAt: Date; id: string }): Promise<WorkflowRun[]> {
    return this.db
      .select()
      .from(workflowRuns)
      .where(
        and(
          filters.workflowId ? eq(workflowRuns.workflowId, filters.workflowId) : undefined,
          filters.status?.length ? inArray(workflowRuns.status, filters.status) : undefined,
          filters.eventId ? eq(workflowRuns.eventId, filters.eventId) : undefined,
          after ? sql`(${workflowRuns.createdAt}, ${workflowRuns.id}) < (${after.createdAt}, ${after.id})` : undefined,
        ),
      )
      .orderBy(sql`${workflowRuns.createdAt} desc`, sql`${workflowRuns.id} desc`)
      .limit(filters.limit + 1);
  }
}
