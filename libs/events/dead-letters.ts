import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { AppError } from '@libs/http';
import { decodeCursor, INVALID_CURSOR, Page, toPage } from '@libs/pagination';
import { EventOutbox } from './event-outbox';
import { EventsClock } from './events-clock';
import { DeadLetterRow, OutboxRepository } from './outbox.repository';
import { DeadLetterReplayedV1, PLATFORM_EVENTS } from './platform.events';

export interface DeadLetter {
  eventId: string;
  subscriber: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: Date;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date;
}

export interface ReplayedDelivery {
  eventId: string;
  subscriber: string;
  status: 'pending';
  nextAttemptAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Listing and replaying deliveries that exhausted their attempts. */
@Injectable()
export class DeadLetters {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly repository: OutboxRepository,
    private readonly outbox: EventOutbox,
    private readonly clock: EventsClock,
  ) {}

  async list(query: { limit: number; cursor?: string }): Promise<Page<DeadLetter>> {
    const after = query.cursor ? parseCursor(query.cursor) : undefined;
    const rows = await this.repository.listDead(query.limit + 1, after);
    return toPage(rows, query.limit, (row) => [row.lastAttemptAt.toISOString(), row.id], toDeadLetter);
  }

  /** Re-queues a dead delivery with a fresh set of attempts; the replay itself is an audited event. */
  replay(eventId: string, subscriber: string): Promise<ReplayedDelivery> {
    return this.txHost.withTransaction(async () => {
      const now = this.clock.now();
      const result = UUID.test(eventId) ? await this.repository.requeue(eventId, subscriber, now) : { status: 'not-found' as const };
      if (result.status === 'not-found') {
        throw AppError.notFound('EVENTS_DEAD_LETTER_NOT_FOUND', `There is no delivery of event ${eventId} to subscriber ${subscriber}.`);
      }
      if (result.status === 'not-dead') {
        throw AppError.conflict('EVENTS_DELIVERY_NOT_DEAD', `The delivery of event ${eventId} to ${subscriber} is not dead-lettered; only dead letters can be replayed.`);
      }
      const { row } = result;
      const payload: DeadLetterReplayedV1 = {
        eventId: row.eventId,
        eventType: row.eventType,
        subscriber: row.subscriber,
        attempts: row.attempts,
        lastError: row.lastError,
      };
      await this.outbox.append({ type: PLATFORM_EVENTS.deadLetterReplayed, aggregateType: 'event-delivery', aggregateId: row.id, payload });
      return { eventId: row.eventId, subscriber: row.subscriber, status: 'pending', nextAttemptAt: now };
    });
  }
}

function parseCursor(cursor: string): { lastAttemptAt: Date; id: string } {
  const [at, id] = decodeCursor(cursor, ['string', 'string']);
  const lastAttemptAt = new Date(at);
  if (Number.isNaN(lastAttemptAt.getTime()) || !UUID.test(id)) {
    throw AppError.badRequest(INVALID_CURSOR, 'The cursor is malformed or belongs to another list; start again without it.');
  }
  return { lastAttemptAt, id };
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    eventId: row.eventId,
    subscriber: row.subscriber,
    eventType: row.eventType,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    occurredAt: row.occurredAt,
    attempts: row.attempts,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
  };
}
