import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt, gte, inArray, lt, SQL, sql } from 'drizzle-orm';
import { Scope, scopeCondition } from '@libs/auth';
import { anyOf, assertInTransaction, insertRows, Repository } from '@libs/db';
import type { AuditEntry, AuditEntryBound } from './audit-log-reader';
import { AuditLog, auditLogs, NewAuditLog } from './audit-log.schema';

export interface AuditLogFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** occurred_at ≥ from */
  from?: Date;
  /** occurred_at < to */
  to?: Date;
  /** Rows before this seq (keyset: newest first). */
  beforeSeq?: number;
}

/**
 * Serialises chain appends across transactions and instances; transaction-scoped, so it works
 * through PgBouncer and is released by commit or rollback. The key is 'auditlog' in ASCII.
 */
const CHAIN_LOCK_KEY = sql.raw('7017575148197744487');

/** The only SQL on audit_logs. The app's role may INSERT and SELECT here, nothing else. */
@Injectable()
export class AuditLogsRepository extends Repository {
  /** Must run inside a transaction: the lock is held until it ends. */
  async lockChain(): Promise<void> {
    assertInTransaction(this.txHost, 'AuditLogsRepository.lockChain');
    await this.db.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
  }

  /** The hash of the last row of the chain (read after taking the lock, so it is current). */
  async headHash(): Promise<string | undefined> {
    const [row] = await this.db.select({ hash: auditLogs.hash }).from(auditLogs).orderBy(desc(auditLogs.seq)).limit(1);
    return row?.hash;
  }

  /** Which of these events already have their row (a repeated delivery). */
  async recordedEventIds(eventIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.select({ eventId: auditLogs.eventId }).from(auditLogs).where(anyOf(auditLogs.eventId, eventIds));
    return new Set(rows.map((row) => row.eventId));
  }

  /** Appends rows in chain order (seq follows the order given). A repeated event id is an error, not a skip. */
  async insert(rows: readonly NewAuditLog[]): Promise<void> {
    await insertRows(this.txHost.tx, auditLogs, rows);
  }

  /**
   * Newest first (by seq), `limit` rows, within the actor's scope: `all` sees every row; `own`
   * (and `department`, as audit rows carry no department) the changes the actor made.
   */
  async list(filter: AuditLogFilter, scope: Scope, limit: number): Promise<AuditLog[]> {
    const conditions: (SQL | undefined)[] = [
      scopeCondition(scope, { ownerColumns: [auditLogs.actorId] }),
      filter.entityType !== undefined ? eq(auditLogs.entityType, filter.entityType) : undefined,
      filter.entityId !== undefined ? eq(auditLogs.entityId, filter.entityId) : undefined,
      filter.actorId !== undefined ? eq(auditLogs.actorId, filter.actorId) : undefined,
      filter.action !== undefined ? eq(auditLogs.action, filter.action) : undefined,
      filter.from !== undefined ? gte(auditLogs.occurredAt, filter.from) : undefined,
      filter.to !== undefined ? lt(auditLogs.occurredAt, filter.to) : undefined,
      filter.beforeSeq !== undefined ? lt(auditLogs.seq, filter.beforeSeq) : undefined,
    ];
    return this.db
      .select()
      .from(auditLogs)
      .where(and(...conditions))
      .orderBy(desc(auditLogs.seq))
      .limit(limit);
  }

  /** Entries of some entities, newest first by (occurred_at, id), strictly after `bound` (see AuditLogReader). */
  async entriesOf(entityType: string, entityIds: readonly string[], bound: AuditEntryBound | undefined, limit: number): Promise<AuditEntry[]> {
    const at = bound && sql`${bound.occurredAt}::timestamptz`;
    const after = !bound
      ? undefined
      : bound.id
        ? sql`(${auditLogs.occurredAt}, ${auditLogs.id}) < (${at}, ${bound.id}::uuid)`
        : bound.inclusive
          ? sql`${auditLogs.occurredAt} <= ${at}`
          : sql`${auditLogs.occurredAt} < ${at}`;
    return this.db
      .select({
        id: auditLogs.id,
        occurredAt: sql<string>`to_char(${auditLogs.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        action: auditLogs.action,
        actorId: auditLogs.actorId,
        entityType: auditLogs.entityType,
        entityId: auditLogs.entityId,
        changes: auditLogs.changes,
      })
      .from(auditLogs)
      .where(and(eq(auditLogs.entityType, entityType), inArray(auditLogs.entityId, [...entityIds]), after))
      .orderBy(desc(auditLogs.occurredAt), desc(auditLogs.id))
      .limit(limit);
  }

  /** The chain in order, one page after `afterSeq`. */
  async chainPage(afterSeq: number, limit: number): Promise<AuditLog[]> {
    return this.db.select().from(auditLogs).where(gt(auditLogs.seq, afterSeq)).orderBy(asc(auditLogs.seq)).limit(limit);
  }
}
