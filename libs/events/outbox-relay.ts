import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost, Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { ClsServiceManager } from 'nestjs-cls';
import { runAsActor } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { afterFailure } from './backoff';
import { installCommitNudge } from './commit-nudge';
import type { DomainEvent } from './domain-event';
import { setCausationId } from './event-context';
import { EventOutbox } from './event-outbox';
import { EVENTS_OPTIONS, ResolvedEventsOptions } from './events.options';
import { EventsClock } from './events-clock';
import { ClaimedDelivery, OutboxRepository } from './outbox.repository';
import { RegisteredSubscriber, SubscriberRegistry } from './subscriber-registry';

export interface BatchResult {
  claimed: number;
  delivered: number;
  failed: number;
  deadLettered: number;
}

const MAX_ERROR_LENGTH = 2000;
const MAX_ERROR_BACKOFF_MS = 30_000;
/** drain() gives up after this many batches: a subscriber that re-triggers itself would loop forever. */
const MAX_DRAIN_BATCHES = 10_000;

/**
 * Delivers outbox events to subscribers. Every app instance runs one; they share the work through
 * `FOR UPDATE SKIP LOCKED`. One transaction per batch: claim, run each subscriber in a savepoint
 * (a failure rolls back only that subscriber's writes), record each outcome, commit — so what a
 * subscriber writes and the "delivered" mark commit together or not at all.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: Promise<void> | undefined;
  private running = false;
  private nudged = false;
  private wake: (() => void) | undefined;
  private consecutiveErrors = 0;

  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    @Inject(EVENTS_OPTIONS) private readonly options: ResolvedEventsOptions,
    private readonly repository: OutboxRepository,
    private readonly registry: SubscriberRegistry,
    private readonly outbox: EventOutbox,
    private readonly clock: EventsClock,
  ) {}

  onModuleInit(): void {
    installCommitNudge(this.txHost as TransactionHost<never>, () => this.outbox.appended, () => this.nudge());
  }

  onApplicationBootstrap(): void {
    if (this.options.relay.autoStart) this.start();
  }

  /** Finishes the batch in flight, then stops; runs before the pool closes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run().finally(() => (this.loop = undefined));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Something was committed: look now rather than at the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Runs batches until nothing is due (tests: `drainOutbox`; the relay loop need not run). */
  async drain(): Promise<BatchResult> {
    const total: BatchResult = { claimed: 0, delivered: 0, failed: 0, deadLettered: 0 };
    for (let batch = 0; batch < MAX_DRAIN_BATCHES; batch++) {
      const result = await this.runBatch();
      for (const key of Object.keys(total) as (keyof BatchResult)[]) total[key] += result[key];
      if (result.claimed === 0) return total;
    }
    throw new Error(`the outbox was still not drained after ${MAX_DRAIN_BATCHES} batches (a subscriber re-triggering itself?)`);
  }

  /** Claims one batch of due deliveries and delivers it, in one transaction, as the system actor. */
  runBatch(): Promise<BatchResult> {
    const subscribers = this.registry.names();
    if (subscribers.length === 0) return Promise.resolve({ claimed: 0, delivered: 0, failed: 0, deadLettered: 0 });
    return runAsActor(() =>
      this.txHost.withTransaction(async () => {
        const claimed = await this.repository.claimDue(this.clock.now(), subscribers, this.options.relay.batchSize);
        const result: BatchResult = { claimed: claimed.length, delivered: 0, failed: 0, deadLettered: 0 };
        for (const [name, deliveries] of groupBySubscriber(claimed)) {
          const subscriber = this.registry.get(name) as RegisteredSubscriber;
          const delivered = (await this.deliverAll(subscriber, deliveries)) ? deliveries : await this.deliverEach(subscriber, deliveries, result);
          if (delivered.length > 0) await this.repository.markDelivered(name, delivered.map((d) => d.event.id), this.clock.now());
          result.delivered += delivered.length;
        }
        return result;
      }),
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      let claimed = 0;
      try {
        claimed = (await this.runBatch()).claimed;
        this.consecutiveErrors = 0;
      } catch (error) {
        // The batch rolled back as a whole (database unreachable, …): nothing was recorded, so the
        // same deliveries are claimed again later. Back off so a dead database is not hammered.
        this.consecutiveErrors++;
        this.logger.error(`outbox batch failed: ${describe(error)}`, (error as Error)?.stack);
        await this.sleep(Math.min(MAX_ERROR_BACKOFF_MS, this.options.relay.pollMs * 2 ** this.consecutiveErrors));
        continue;
      }
      if (!this.running) break;
      if (claimed >= this.options.relay.batchSize || this.nudged) continue;
      await this.sleep(this.options.relay.pollMs);
    }
  }

  /** The subscriber's batch handler, if it has one, in one savepoint; false when it is not used or failed. */
  private async deliverAll(subscriber: RegisteredSubscriber, deliveries: ClaimedDelivery[]): Promise<boolean> {
    const { handleBatch } = subscriber.handler;
    if (!handleBatch || deliveries.length < 2) return false;
    try {
      await this.txHost.withTransaction(Propagation.Nested, () => handleBatch.call(subscriber.handler, deliveries.map((d) => d.event)));
      return true;
    } catch (error) {
      this.logger.warn(`batch delivery of ${deliveries.length} events to ${subscriber.name} failed, delivering them one by one: ${describe(error)}`);
      return false;
    }
  }

  /** One event at a time, each in its own savepoint; returns the deliveries that succeeded. */
  private async deliverEach(subscriber: RegisteredSubscriber, deliveries: ClaimedDelivery[], result: BatchResult): Promise<ClaimedDelivery[]> {
    const delivered: ClaimedDelivery[] = [];
    for (const delivery of deliveries) {
      try {
        await this.deliver(subscriber, delivery.event);
        delivered.push(delivery);
      } catch (error) {
        result.failed++;
        if (await this.recordFailure(delivery, error)) result.deadLettered++;
      }
    }
    return delivered;
  }

  /** In a savepoint, with the event's request id as correlation and the event as causation. */
  private deliver(subscriber: RegisteredSubscriber, event: DomainEvent): Promise<void> {
    const cls = ClsServiceManager.getClsService();
    return cls.run({ ifNested: 'inherit' }, () => {
      cls.set('requestId', event.requestId ?? undefined);
      setCausationId(event.id);
      return this.txHost.withTransaction(Propagation.Nested, () => subscriber.handler.handle(event));
    });
  }

  private async recordFailure(delivery: ClaimedDelivery, error: unknown): Promise<boolean> {
    const now = this.clock.now();
    const next = afterFailure(delivery.attempts, now, this.options.retry);
    const lastError = describe(error).slice(0, MAX_ERROR_LENGTH);
    await this.repository.markFailed({ eventId: delivery.event.id, subscriber: delivery.subscriber, ...next, lastError, at: now });
    const where = `event ${delivery.event.id} (${delivery.event.type}) to ${delivery.subscriber}, attempt ${next.attempts}`;
    if (next.status === 'dead') this.logger.error(`dead-lettered ${where}: ${lastError}`);
    else this.logger.warn(`delivery of ${where} failed, retrying at ${next.nextAttemptAt.toISOString()}: ${lastError}`);
    return next.status === 'dead';
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = done;
      if (this.nudged || !this.running) done();
    });
  }
}

/** Deliveries per subscriber, each list in claim order. */
function groupBySubscriber(claimed: ClaimedDelivery[]): Map<string, ClaimedDelivery[]> {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const delivery of claimed) {
    const group = groups.get(delivery.subscriber);
    if (group) group.push(delivery);
    else groups.set(delivery.subscriber, [delivery]);
  }
  return groups;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
