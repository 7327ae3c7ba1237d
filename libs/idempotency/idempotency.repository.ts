import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbTransactionHost } from '@libs/db';
import { IdempotencyKeyRow, idempotencyKeys } from './idempotency-keys.schema';

export interface IdempotencyClaim {
  actorId: string;
  key: string;
  requestMethod: string;
  requestPath: string;
  requestHash: string;
  expiresAt: Date;
}

export type ClaimResult = { claimed: true; id: string } | { claimed: false; existing: IdempotencyKeyRow };

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  /**
   * Inserts the key in the current transaction, or returns the row that holds it. A concurrent
   * holder's uncommitted row makes this wait (unique index) until that transaction ends: then the
   * key is either committed (returned as existing) or free again (claimed here). An expired row is
   * taken over.
   */
  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    const [inserted] = await this.txHost.tx
      .insert(idempotencyKeys)
      .values({ ...claim, responseStatus: 0 })
      .onConflictDoUpdate({
        target: [idempotencyKeys.actorId, idempotencyKeys.key],
        set: {
          requestMethod: claim.requestMethod,
          requestPath: claim.requestPath,
          requestHash: claim.requestHash,
          responseStatus: 0,
          responseBody: null,
          responseHeaders: {},
          createdAt: sql`now()`,
          expiresAt: claim.expiresAt,
        },
        setWhere: lt(idempotencyKeys.expiresAt, sql`now()`),
      })
      .returning({ id: idempotencyKeys.id });
    if (inserted) return { claimed: true, id: inserted.id };
    const [existing] = await this.txHost.tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.actorId, claim.actorId), eq(idempotencyKeys.key, claim.key)));
    return { claimed: false, existing };
  }

  async complete(id: string, response: { status: number; body: unknown; headers: Record<string, string> }): Promise<void> {
    await this.txHost.tx
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body ?? null, responseHeaders: response.headers })
      .where(eq(idempotencyKeys.id, id));
  }

  /**
   * Deletes up to `limit` keys that expired before `now`, oldest first; keys another transaction
   * holds (a request retrying its key right now) are skipped, not waited for. Returns how many.
   */
  async deleteExpired(now: Date, limit: number): Promise<number> {
    const expired = this.txHost.tx
      .select({ id: idempotencyKeys.id })
      .from(idempotencyKeys)
      .where(lt(idempotencyKeys.expiresAt, now))
      .orderBy(idempotencyKeys.expiresAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    const deleted = await this.txHost.tx.delete(idempotencyKeys).where(inArray(idempotencyKeys.id, expired)).returning({ id: idempotencyKeys.id });
    return deleted.length;
  }
}
