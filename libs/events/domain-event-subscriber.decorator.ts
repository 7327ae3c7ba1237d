import { SetMetadata } from '@nestjs/common';
import type { DomainEvent } from './domain-event';

export const DOMAIN_EVENT_SUBSCRIBER_METADATA = 'renewa:domain-event-subscriber';

export interface DomainEventSubscriberOptions {
  /**
   * Stable and unique: delivery rows are keyed by it, so renaming a subscriber orphans its pending
   * deliveries. `<ctx>.<purpose>`, e.g. `audit.log`.
   */
  name: string;
  /** Exact event types, `<ctx>.*` for a whole context, or `*` for every event. */
  types: readonly string[];
}

/** What a subscriber implements. Called inside a transaction: `txHost.tx` is that transaction. */
export interface DomainEventHandler<P = Record<string, unknown>> {
  handle(event: DomainEvent<P>): Promise<void>;
  /**
   * Optional: all of this subscriber's events of one relay batch at once, in claim order, in one
   * savepoint (for subscribers that gain from set-wise writes, like the audit log). If it throws,
   * the relay falls back to `handle` per event, so one bad event is retried on its own. Runs as the
   * system actor without a per-event request id or causation.
   */
  handleBatch?(events: DomainEvent<P>[]): Promise<void>;
}

const NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/;
const TYPE = /^(?:\*|[a-z][a-z0-9-]*\.\*|[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*)$/;

/**
 * Marks an `@Injectable()` provider as a subscriber of domain events; EventsModule discovers it.
 * Delivery is at least once (exactly once for what the subscriber writes through `txHost.tx`,
 * because the delivery is recorded in the same transaction), so handlers must be idempotent
 * towards anything outside the database.
 */
export function DomainEventSubscriber(options: DomainEventSubscriberOptions): ClassDecorator {
  if (!NAME.test(options.name)) throw new Error(`subscriber name "${options.name}" must look like <ctx>.<purpose> (lower-case kebab)`);
  if (options.types.length === 0) throw new Error(`subscriber "${options.name}" subscribes to no event types`);
  const bad = options.types.find((type) => !TYPE.test(type));
  if (bad) throw new Error(`subscriber "${options.name}": "${bad}" is not an event type, <ctx>.* or *`);
  return SetMetadata(DOMAIN_EVENT_SUBSCRIBER_METADATA, { name: options.name, types: [...options.types] });
}

/** Whether a subscription pattern covers an event type. */
export function subscriptionMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}
