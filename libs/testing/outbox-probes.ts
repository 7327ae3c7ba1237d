// Test-only subscribers and an app context for the outbox tests (libs/testing is not part of the build).
import { Injectable, Module } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectTransactionHost, TransactionHost } from '@nestjs-cls/transactional';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { Client } from 'pg';
import { loadConfig } from '@libs/config';
import { currentContext } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { currentCausationId, DomainEvent, DomainEventSubscriber, EventOutbox } from '@libs/events';
import { AppModule } from '../../src/app.module';

/** What the probe subscriber saw, one row per successful delivery. */
export const deliveryProbes = pgTable('delivery_probes', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id').notNull(),
  actorId: uuid('actor_id'),
  requestId: text('request_id'),
  causationId: uuid('causation_id'),
});

export const PROBES_DDL = `CREATE TABLE delivery_probes (
  id uuid primary key default gen_random_uuid(), event_id uuid not null, actor_id uuid, request_id text, causation_id uuid)`;

/** Aggregates whose events the probe subscriber fails on (after writing its row: the savepoint must undo it). */
export const failingAggregates = new Set<string>();

/** Deliveries the probe subscriber holds: it calls `entered()` and waits for `release` before finishing. */
export const heldAggregates = new Map<string, { entered(): void; release: Promise<void> }>();

@Injectable()
@DomainEventSubscriber({ name: 'test.probe', types: ['test.*'] })
export class ProbeSubscriber {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  async handle(event: DomainEvent): Promise<void> {
    const { actorId, requestId } = currentContext();
    await this.txHost.tx.insert(deliveryProbes).values({ eventId: event.id, actorId, requestId, causationId: currentCausationId() });
    const held = heldAggregates.get(event.aggregateId);
    if (held) {
      held.entered();
      await held.release;
    }
    if (failingAggregates.has(event.aggregateId)) throw new Error(`probe failure for ${event.aggregateId}`);
  }
}

/** A batch-capable subscriber: all-or-nothing per batch, so a failing event makes the relay fall back to `handle`. */
@Injectable()
@DomainEventSubscriber({ name: 'test.batch-probe', types: ['probebatch.*'] })
export class BatchProbeSubscriber {
  readonly batchSizes: number[] = [];

  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.handleBatch([event]);
  }

  async handleBatch(events: DomainEvent[]): Promise<void> {
    this.batchSizes.push(events.length);
    await this.txHost.tx.insert(deliveryProbes).values(events.map((event) => ({ eventId: event.id })));
    const failing = events.find((event) => failingAggregates.has(event.aggregateId));
    if (failing) throw new Error(`probe failure for ${failing.aggregateId}`);
  }
}

/** Reacts to test.order.placed with test.order.confirmed (causation, system actor). */
@Injectable()
@DomainEventSubscriber({ name: 'test.follow-up', types: ['test.order.placed'] })
export class FollowUpSubscriber {
  constructor(private readonly outbox: EventOutbox) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.outbox.append({ type: 'test.order.confirmed', aggregateType: 'order', aggregateId: event.aggregateId, payload: {} });
  }
}

@Module({ providers: [ProbeSubscriber, BatchProbeSubscriber, FollowUpSubscriber] })
export class ProbeSubscribersModule {}

/** The app's module graph without HTTP (as a worker would run it), relay loop off unless asked. */
export async function createEventsTestApp(databaseUrl: string, env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', AUTO_SEED: 'false', ...env });
  return NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl, imports: [ProbeSubscribersModule] }), {
    logger: false,
  });
}

export function transactionHost(app: INestApplicationContext): DbTransactionHost {
  return app.get(TransactionHost) as DbTransactionHost;
}

export async function sqlAs<T = Record<string, any>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
