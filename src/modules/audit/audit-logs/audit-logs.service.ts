import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { v7 as uuidv7 } from 'uuid';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import type { DomainEvent } from '@libs/events';
import { decodeCursor, Page, toPage } from '@libs/pagination';
import { auditHash, GENESIS_HASH } from './audit-hash';
import type { AuditLog, NewAuditLog } from './audit-log.schema';
import { changesFromEvent } from './audit-log.rules';
import type { ListAuditLogsQueryDto } from './audit-log.dto';
import { AuditLogsRepository } from './audit-logs.repository';

@Injectable()
export class AuditLogsService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly repository: AuditLogsRepository,
  ) {}

  /**
   * Appends one row per event to the chain, in the order given; events that already have their row
   * (a repeated delivery) are skipped. Joins the caller's transaction (the relay's savepoint), so
   * the chain lock is held until it commits: rows are chained in commit order across instances.
   */
  recordAll(events: readonly DomainEvent[]): Promise<void> {
    return this.txHost.withTransaction(async () => {
      await this.repository.lockChain();
      const recorded = await this.repository.recordedEventIds(events.map((event) => event.id));
      let prevHash = (await this.repository.headHash()) ?? GENESIS_HASH;
      const recordedAt = new Date();
      const rows: NewAuditLog[] = [];
      for (const event of events) {
        if (recorded.has(event.id)) continue;
        recorded.add(event.id);
        const content = {
          // Time-ordered: entries of the same instant sort in chain order by (occurredAt, id).
          id: uuidv7(),
          eventId: event.id,
          actorId: event.actorId,
          action: event.type,
          entityType: event.aggregateType,
          entityId: event.aggregateId,
          changes: changesFromEvent(event.type, event.payload),
          requestId: event.requestId,
          clientIp: event.clientIp,
          occurredAt: event.occurredAt,
          recordedAt,
          prevHash,
        };
        prevHash = auditHash(content);
        rows.push({ ...content, hash: prevHash });
      }
      await this.repository.insert(rows);
    });
  }

  async list(query: ListAuditLogsQueryDto): Promise<Page<AuditLog>> {
    const beforeSeq = query.cursor ? decodeCursor(query.cursor, ['number'] as const)[0] : undefined;
    const { entityType, entityId, actorId, action, from, to } = query;
    const scope = currentScope('audit.logs:read');
    const rows = await this.repository.list({ entityType, entityId, actorId, action, from, to, beforeSeq }, scope, query.limit + 1);
    return toPage(rows, query.limit, (row) => [row.seq]);
  }
}
