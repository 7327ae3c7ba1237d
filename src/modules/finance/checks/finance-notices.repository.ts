import { Injectable } from '@nestjs/common';
import { and, asc, gt, lte, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { financeNotices, projectCompletions } from '../invoices/invoices.schema';

/** What the daily checks announced, and the project completions the six-month rule counts from. */
@Injectable()
export class FinanceNoticesRepository extends Repository {
  /** True when this (kind, subject, due date) was not announced yet — and now is (inside the caller's transaction). */
  async claim(kind: string, subjectId: string, dueOn: string): Promise<boolean> {
    const rows = await this.db.insert(financeNotices).values({ kind, subjectId, dueOn }).onConflictDoNothing().returning({ id: financeNotices.id });
    return rows.length > 0;
  }

  /** Records that a project was completed on `completedOn` (the first completion counts). */
  async recordCompletion(projectId: string, completedOn: string): Promise<void> {
    await this.db.insert(projectCompletions).values({ projectId, completedOn }).onConflictDoNothing();
  }

  /** Completions on or before `cutoff`, in batches after `afterId` (ordered by id). */
  completionsUpTo(cutoff: string, afterId: string | null, limit: number) {
    return this.db
      .select()
      .from(projectCompletions)
      .where(and(lte(projectCompletions.completedOn, cutoff), afterId ? gt(projectCompletions.id, afterId) : sql`true`))
      .orderBy(asc(projectCompletions.id))
      .limit(limit);
  }
}
