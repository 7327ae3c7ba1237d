import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { and, desc, eq, inArray, lt, lte, ne, notExists, sql } from 'drizzle-orm';
import { anyOf, type DbTransactionHost, insertRows } from '@libs/db';
import type { DomainEvent } from './domain-event';
import { domainEvents, eventDeliveries, EventDeliveryStatus } from './outbox.schema';

export type NewDomainEvent = typeof domainEvents.$inferInsert;
export type NewEventDelivery = Pick<typeof eventDeliveries.$inferInsert, 'eventId' | 'subscriber' | 'nextAttemptAt'>;

export interface ClaimedDelivery {
  event: DomainEvent;
  subscriber: string;
  attempts: number;
}

export interface DeliveryFailure {
  eventId: string;
  subscriber: string;
  status: Exclude<EventDeliveryStatus, 'delivered'>;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string;
  at: Date;
}

export interface DeadLetterRow {
  id: string;
  eventId: string;
  subscriber: string;
  status: EventDeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: Date;
}

export type RequeueResult = { status: 'requeued'; row: DeadLetterRow } | { status: 'not-found' } | { status: 'not-dead' };

const isPending = sql`${eventDeliveries.status} = 'pending'`;
const isDead = sql`${eventDeliveries.status} = 'dead'`;

/** The only SQL on the outbox tables. Runs in the caller's transaction (`txHost.tx`). */
@Injectable()
export class OutboxRepository {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  /** One statement per table whatever the batch size (an import appends 1,000 events at once). */
  async insert(events: NewDomainEvent[], deliveries: NewEventDelivery[]): Promise<void> {
    await insertRows(this.txHost.tx, domainEvents, events);
    await insertRows(this.txHost.tx, eventDeliveries, deliveries);
  }

  /**
   * Deletes up to `limit` of the oldest events that occurred before `before` and have nothing left
   * to deliver (every delivery delivered, or no subscriber), with their deliveries (cascade);
   * returns how many. Events with a pending or dead delivery stay, whatever their age. Rows another
   * instance is deleting are skipped, not waited for.
   */
  async pruneDelivered(before: Date, limit: number): Promise<number> {
    const undelivered = this.txHost.tx
      .select({ one: sql`1` })
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.eventId, domainEvents.id), ne(eventDeliveries.status, 'delivered')));
    const oldest = this.txHost.tx
      .select({ id: domainEvents.id })
      .from(domainEvents)
      .where(and(lt(domainEvents.occurredAt, before), notExists(undelivered)))
      .orderBy(domainEvents.occurredAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    const deleted = await this.txHost.tx.delete(domainEvents).where(inArray(domainEvents.id, oldest)).returning({ id: domainEvents.id });
    return deleted.length;
  }

  /**
   * Locks up to `limit` due deliveries of the given subscribers until the transaction ends; rows
   * another relay holds are skipped, not waited for.
   */
  async claimDue(now: Date, subscribers: readonly string[], limit: number): Promise<ClaimedDelivery[]> {
    return this.txHost.tx
      .select({ event: domainEvents, subscriber: eventDeliveries.subscriber, attempts: eventDeliveries.attempts })
      .from(eventDeliveries)
      .innerJoin(domainEvents, eq(domainEvents.id, eventDeliveries.eventId))
      .where(and(isPending, lte(eventDeliveries.nextAttemptAt, now), inArray(eventDeliveries.subscriber, [...subscribers])))
      .orderBy(eventDeliveries.nextAttemptAt, eventDeliveries.eventId)
      .limit(limit)
      .for('update', { of: eventDeliveries, skipLocked: true });
  }

  async markDelivered(subscriber: string, eventIds: readonly string[], at: Date): Promise<void> {
    await this.txHost.tx
      .update(eventDeliveries)
      .set({ status: 'delivered', attempts: sql`${eventDeliveries.attempts} + 1`, deliveredAt: at, lastAttemptAt: at })
      .where(and(eq(eventDeliveries.subscriber, subscriber), anyOf(eventDeliveries.eventId, eventIds)));
  }

  async markFailed(failure: DeliveryFailure): Promise<void> {
    await this.txHost.tx
      .update(eventDeliveries)
      .set({
        status: failure.status,
        attempts: failure.attempts,
        nextAttemptAt: failure.nextAttemptAt,
        lastError: failure.lastError,
        lastAttemptAt: failure.at,
      })
      .where(and(eq(eventDeliveries.eventId, failure.eventId), eq(eventDeliveries.subscriber, failure.subscriber)));
  }

  /** Dead deliveries, last failed first; `after` is the (lastAttemptAt, id) of the previous page's last row. */
  async listDead(limit: number, after?: { lastAttemptAt: Date; id: string }): Promise<DeadLetterRow[]> {
    const rows = await this.deadLetterQuery()
      .where(
        after
          ? and(isDead, sql`(${eventDeliveries.lastAttemptAt}, ${eventDeliveries.id}) < (${after.lastAttemptAt}, ${after.id})`)
          : isDead,
      )
      .orderBy(desc(eventDeliveries.lastAttemptAt), desc(eventDeliveries.id))
      .limit(limit);
    return rows as DeadLetterRow[];
  }

  /** Puts a dead delivery back in the queue with a fresh set of attempts. */
  async requeue(eventId: string, subscriber: string, now: Date): Promise<RequeueResult> {
    const match = and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.subscriber, subscriber));
    const [current] = await this.deadLetterQuery().where(match).for('update', { of: eventDeliveries });
    if (!current) return { status: 'not-found' };
    if (current.status !== 'dead') return { status: 'not-dead' };
    await this.txHost.tx.update(eventDeliveries).set({ status: 'pending', attempts: 0, nextAttemptAt: now }).where(match);
    return { status: 'requeued', row: current as DeadLetterRow };
  }

  private deadLetterQuery() {
    return this.txHost.tx
      .select({
        id: eventDeliveries.id,
        eventId: eventDeliveries.eventId,
        subscriber: eventDeliveries.subscriber,
        status: eventDeliveries.status,
        attempts: eventDeliveries.attempts,
        lastError: eventDeliveries.lastError,
        lastAttemptAt: eventDeliveries.lastAttemptAt,
        eventType: domainEvents.type,
        aggregateType: domainEvents.aggregateType,
        aggregateId: domainEvents.aggregateId,
        occurredAt: domainEvents.occurredAt,
      })
      .from(eventDeliveries)
      .innerJoin(domainEvents, eq(domainEvents.id, eventDeliveries.eventId));
  }
}
