import { Injectable } from '@nestjs/common';
import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { assertInTransaction, Repository } from '@libs/db';
import { FormSubmission, formSubmissions, FormSubmissionStatus } from './forms.schema';

export type NewFormSubmission = typeof formSubmissions.$inferInsert;

@Injectable()
export class FormSubmissionsRepository extends Repository {
  /**
   * Serialises the submissions of one client address until the transaction ends, so parallel
   * requests cannot all pass the rate limit before any of them is counted (transaction-scoped:
   * works through PgBouncer).
   */
  async lockClient(clientIp: string): Promise<void> {
    assertInTransaction(this.txHost, 'FormSubmissionsRepository.lockClient');
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`renewa.forms.ip:${clientIp}`}, 0))`);
  }

  /** Submissions (accepted or rejected) in the last hour from this address, and to this form. */
  async countLastHour(clientIp: string, formId: string): Promise<{ byClient: number; byForm: number }> {
    const since = sql`now() - interval '1 hour'`;
    const [byClient] = await this.db.select({ n: count() }).from(formSubmissions).where(and(eq(formSubmissions.clientIp, clientIp), gt(formSubmissions.createdAt, since)));
    const [byForm] = await this.db.select({ n: count() }).from(formSubmissions).where(and(eq(formSubmissions.formId, formId), gt(formSubmissions.createdAt, since)));
    return { byClient: byClient.n, byForm: byForm.n };
  }

  async insert(submission: NewFormSubmission): Promise<FormSubmission> {
    const [row] = await this.db.insert(formSubmissions).values(submission).returning();
    return row;
  }

  async linkLead(id: string, link: { leadId: string | null; contactId: string | null; leadCreated: boolean }): Promise<void> {
    await this.db.update(formSubmissions).set(link).where(eq(formSubmissions.id, id));
  }

  /** Newest first; `after` is the previous page's last (createdAt, id). One row more than `limit`. */
  list(filters: { limit: number; formId?: string; status?: FormSubmissionStatus[] }, after?: { createdAt: Date; id: string }): Promise<FormSubmission[]> {
    return this.db
      .select()
      .from(formSubmissions)
      .where(
        and(
          filters.formId ? eq(formSubmissions.formId, filters.formId) : undefined,
          filters.status?.length ? inArray(formSubmissions.status, filters.status) : undefined,
          after ? sql`(${formSubmissions.createdAt}, ${formSubmissions.id}) < (${after.createdAt}, ${after.id})` : undefined,
        ),
      )
      .orderBy(sql`${formSubmissions.createdAt} desc`, sql`${formSubmissions.id} desc`)
      .limit(filters.limit + 1);
  }
}
