import { Injectable } from '@nestjs/common';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { ScheduledCheckRun, scheduledCheckRuns } from './scheduled-check-runs.schema';

@Injectable()
export class ScheduledCheckRunsRepository extends Repository {
  /**
   * Claims the run of `name` at `now` when its last start is at least `everyMinutes` ago (or
   * always, with `force`). One statement: of concurrent instances exactly one gets the row back.
   */
  async claim(name: string, now: Date, everyMinutes: number, force = false): Promise<boolean> {
    await this.db.insert(scheduledCheckRuns).values({ name }).onConflictDoNothing({ target: scheduledCheckRuns.name });
    const due = force
      ? undefined
      : or(isNull(scheduledCheckRuns.lastStartedAt), lte(scheduledCheckRuns.lastStartedAt, sql`${now.toISOString()}::timestamptz - make_interval(mins => ${everyMinutes})`));
    const rows = await this.db
      .update(scheduledCheckRuns)
      .set({ lastStartedAt: now })
      .where(and(eq(scheduledCheckRuns.name, name), due))
      .returning({ id: scheduledCheckRuns.id });
    return rows.length === 1;
  }

  async finish(name: string, finishedAt: Date, outcome: { emitted: number } | { error: string }): Promise<void> {
    await this.db
      .update(scheduledCheckRuns)
      .set({
        lastFinishedAt: finishedAt,
        lastEmitted: 'emitted' in outcome ? outcome.emitted : null,
        lastError: 'error' in outcome ? outcome.error.slice(0, 2000) : null,
      })
      .where(eq(scheduledCheckRuns.name, name));
  }

  async findAll(): Promise<ScheduledCheckRun[]> {
    return this.db.select().from(scheduledCheckRuns).orderBy(scheduledCheckRuns.name);
  }
}
