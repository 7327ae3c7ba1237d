import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { sql, SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { AppConfig, InjectAppConfig } from '@libs/config';
import { DbTransactionHost, PG_POOL } from '@libs/db';

export const STEP_QUEUE = 'automation-step';
/** Step jobs one instance runs at the same time (mail and HTTP wait on the network, not the CPU). */
const WORKERS_PER_INSTANCE = 4;

/** What a step job carries: the step it runs. */
export interface StepJobData {
  stepId: string;
}

export interface StepJob {
  id: string;
  data: StepJobData;
  retryCount: number;
  retryLimit: number;
}

type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

/**
 * The automation context's job queue: pg-boss on the app's own pool (through PgBouncer: pg-boss
 * only polls and uses transaction-scoped locks). Its schema and queues come from a migration, so it
 * starts with `migrate: false` and app-user needs no DDL. Jobs are enqueued inside the caller's
 * transaction (`enqueue` joins `txHost.tx`), so a job exists exactly when the state change that
 * asked for it committed. The worker runs only with AUTOMATION_WORKER_ENABLED; tests fetch and run
 * jobs themselves (`runDue`).
 */
@Injectable()
export class AutomationJobQueue implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AutomationJobQueue.name);
  private boss!: PgBoss;
  private started = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { automation } = this.config;
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => this.pool.query(text, values as unknown[]) },
      migrate: false,
      schedule: false,
      supervise: automation.workerEnabled,
      maintenanceIntervalSeconds: automation.maintenanceSeconds,
    } as PgBoss.ConstructorOptions);
    this.boss.on('error', (error) => this.logger.error(`job queue: ${(error as Error).message}`));
  }

  /** Starts the worker when configured: `handler` runs each due step job; a throw schedules a retry. */
  async startWorker(handler: (job: StepJob) => Promise<void>): Promise<void> {
    if (!this.config.automation.workerEnabled || this.started) return;
    await this.boss.start();
    this.started = true;
    for (let i = 0; i < WORKERS_PER_INSTANCE; i++) {
      let workerId = '';
      workerId = await this.boss.work<StepJobData>(
        STEP_QUEUE,
        { pollingIntervalSeconds: this.config.automation.pollMs / 1000, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          try {
            await handler(job as unknown as StepJob);
          } finally {
            // A worker that found a job asks again at once instead of sleeping a poll interval.
            this.boss.notifyWorker(workerId);
          }
        },
      );
    }
  }

  onApplicationBootstrap(): void {
    // The worker is started by the step runner (it owns the handler); nothing to do here.
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, close: false, timeout: Math.max(1000, this.config.http.shutdownTimeoutMs - 1000) });
    this.started = false;
  }

  /** Enqueues the job of a step in the current transaction (it must be open), due at `startAfter`. */
  async enqueue(jobId: string, stepId: string, startAfter: Date): Promise<void> {
    if (!this.txHost.isTransactionActive()) throw new Error('AutomationJobQueue.enqueue must run inside a transaction');
    const { automation } = this.config;
    await this.boss.send(STEP_QUEUE, { stepId } satisfies StepJobData, {
      id: jobId,
      startAfter,
      retryLimit: automation.retryLimit,
      retryDelay: automation.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: automation.jobTimeoutSeconds,
      db: { executeSql: this.inTransaction },
    } as PgBoss.SendOptions);
  }

  /**
   * Runs due step jobs in this process until none is due (tests and tools: the worker need not
   * run). Each job is completed or failed exactly as the worker would.
   */
  async runDue(handler: (job: StepJob) => Promise<void>, limit = 10_000): Promise<{ completed: number; failed: number }> {
    const result = { completed: 0, failed: 0 };
    for (let i = 0; i < limit; i++) {
      const [job] = await this.boss.fetch<StepJobData>(STEP_QUEUE, { batchSize: 1, includeMetadata: true });
      if (!job) return result;
      try {
        await handler(job as unknown as StepJob);
        await this.boss.complete(STEP_QUEUE, job.id);
        result.completed++;
      } catch (error) {
        await this.boss.fail(STEP_QUEUE, job.id, { message: (error as Error).message });
        result.failed++;
      }
    }
    throw new Error(`automation jobs were still due after ${limit} runs`);
  }

  /** pg-boss's SQL on the current drizzle transaction (its `$n` placeholders become parameters). */
  private readonly inTransaction: ExecuteSql = async (text, values = []) => {
    const result = await this.txHost.tx.execute(withParameters(text, values));
    return { rows: result.rows };
  };
}

/** `select $1, $2` + values → a drizzle SQL with the values as parameters (never spliced into the text). */
export function withParameters(text: string, values: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${values[Number(match[1]) - 1] ?? null}`);
    last = (match.index ?? 0) + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}
