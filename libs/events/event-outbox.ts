import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { v7 as uuidv7 } from 'uuid';
import { currentContext } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { DomainEventInput, EVENT_TYPE_PATTERN } from './domain-event';
import { currentCausationId } from './event-context';
import { EventsClock } from './events-clock';
import { NewDomainEvent, OutboxRepository } from './outbox.repository';
import { SubscriberRegistry } from './subscriber-registry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A service appended events outside `txHost.withTransaction`: the event could commit without its change. */
export class OutboxTransactionRequiredError extends Error {
  override readonly name = 'OutboxTransactionRequiredError';

  constructor() {
    super('EventOutbox.append must run inside a transaction (txHost.withTransaction), together with the change it describes');
  }
}

@Injectable()
export class EventOutbox {
  private appendedCount = 0;

  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly repository: OutboxRepository,
    private readonly registry: SubscriberRegistry,
    private readonly clock: EventsClock,
  ) {}

  /** Events appended by this instance so far (the commit nudge compares it before and after a transaction). */
  get appended(): number {
    return this.appendedCount;
  }

  /**
   * Appends to the outbox inside the current transaction (TransactionHost); throws if no
   * transaction is active. Actor, request id, ip come from the request context. Also writes one
   * pending delivery per subscriber of each event's type.
   */
  async append(...events: DomainEventInput<object>[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.txHost.isTransactionActive()) throw new OutboxTransactionRequiredError();
    const context = currentContext();
    const causationId = currentCausationId();
    const occurredAt = this.clock.now();
    const rows: NewDomainEvent[] = events.map((input) => {
      assertValidInput(input);
      return {
        // Time-ordered (and monotonic within the process): the relay delivers in append order.
        id: uuidv7(),
        type: input.type,
        version: input.version ?? 1,
        aggregateType: input.aggregateType,
        aggregateId: input.aggregateId,
        actorId: context.actorId ?? null,
        requestId: context.requestId ?? null,
        causationId,
        clientIp: context.clientIp ?? null,
        payload: input.payload as Record<string, unknown>,
        occurredAt,
      };
    });
    const deliveries = rows.flatMap((row) =>
      this.registry.namesFor(row.type).map((subscriber) => ({ eventId: row.id as string, subscriber, nextAttemptAt: occurredAt })),
    );
    await this.repository.insert(rows, deliveries);
    this.appendedCount += rows.length;
  }
}

function assertValidInput(input: DomainEventInput<object>): void {
  if (!EVENT_TYPE_PATTERN.test(input.type)) throw new Error(`event type "${input.type}" is not <ctx>.<aggregate>.<past-tense>`);
  if (!input.aggregateType) throw new Error(`event ${input.type} has no aggregateType`);
  if (!UUID.test(input.aggregateId)) throw new Error(`event ${input.type}: aggregateId "${input.aggregateId}" is not a uuid`);
  if (typeof input.payload !== 'object' || input.payload === null || Array.isArray(input.payload)) {
    throw new Error(`event ${input.type}: payload must be a JSON object`);
  }
  if (input.version !== undefined && (!Number.isInteger(input.version) || input.version < 1)) {
    throw new Error(`event ${input.type}: version must be a positive integer`);
  }
}
