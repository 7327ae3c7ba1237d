import { Injectable } from '@nestjs/common';
import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { assertInTransaction, Repository } from '@libs/db';
import { DocumentRequest, documentRequestAccesses, documentRequestNotices, documentRequests } from './document-requests.schema';
import type { DocumentRequestNoticeKind } from './document-requests.schema';

/**
 * What the public endpoints and the daily check need: a request by its token hash (no scope —
 * the token is the authorisation), the access log the rate limit counts, and reminder notices.
 */
@Injectable()
export class DocumentRequestPortalRepository extends Repository {
  /** Live or soft-deleted: a deleted request's link answers "gone", not "unknown". */
  async findByTokenHash(tokenHash: string, options: { forUpdate?: boolean } = {}): Promise<DocumentRequest | undefined> {
    const query = this.db.select().from(documentRequests).where(eq(documentRequests.tokenHash, tokenHash));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  }

  /**
   * Serialises the public calls of one client address until the transaction ends, so parallel
   * requests cannot all pass the limit before any is counted (transaction-scoped: PgBouncer-safe).
   */
  async lockClient(clientIp: string): Promise<void> {
    assertInTransaction(this.txHost, 'DocumentRequestPortalRepository.lockClient');
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`renewa.document-requests.ip:${clientIp}`}, 0))`);
  }

  /** Calls in the last hour from this address, and to this request. */
  async countLastHour(clientIp: string, requestId: string | undefined): Promise<{ byClient: number; byRequest: number }> {
    const since = sql`now() - interval '1 hour'`;
    const [byClient] = await this.db
      .select({ n: count() })
      .from(documentRequestAccesses)
      .where(and(eq(documentRequestAccesses.clientIp, clientIp), gt(documentRequestAccesses.createdAt, since)));
    if (!requestId) return { byClient: byClient.n, byRequest: 0 };
    const [byRequest] = await this.db
      .select({ n: count() })
      .from(documentRequestAccesses)
      .where(and(eq(documentRequestAccesses.requestId, requestId), gt(documentRequestAccesses.createdAt, since)));
    return { byClient: byClient.n, byRequest: byRequest.n };
  }

  async recordAccess(clientIp: string, requestId: string | undefined): Promise<void> {
    await this.db.insert(documentRequestAccesses).values({ clientIp: clientIp.slice(0, 100), requestId: requestId ?? null });
  }

  /** Forgets accesses older than a day (only the last hour counts). */
  async pruneAccesses(): Promise<number> {
    const rows = await this.db
      .delete(documentRequestAccesses)
      .where(lt(documentRequestAccesses.createdAt, sql`now() - interval '1 day'`))
      .returning({ id: documentRequestAccesses.id });
    return rows.length;
  }

  /** Live open requests whose reminder window has begun by `today` (the rules decide which notice is due). */
  async openDueBy(today: string, limit: number, afterId?: string): Promise<DocumentRequest[]> {
    return this.db
      .select()
      .from(documentRequests)
      .where(
        and(
          eq(documentRequests.status, 'open'),
          isNull(documentRequests.deletedAt),
          sql`${documentRequests.dueDate} - ${documentRequests.reminderDaysBefore} <= ${today}::date`,
          afterId ? gt(documentRequests.id, afterId) : undefined,
        ),
      )
      .orderBy(documentRequests.id)
      .limit(limit);
  }

  /** Claims a notice; false when it was emitted before (the check's idempotency). */
  async claimNotice(requestId: string, kind: DocumentRequestNoticeKind, dueDate: string): Promise<boolean> {
    const rows = await this.db.insert(documentRequestNotices).values({ requestId, kind, dueDate }).onConflictDoNothing().returning({ id: documentRequestNotices.id });
    return rows.length > 0;
  }
}
