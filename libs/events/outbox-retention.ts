import { Inject, Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EVENTS_OPTIONS, ResolvedEventsOptions } from './events.options';
import { EventsClock } from './events-clock';
import { OutboxRepository } from './outbox.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Events deleted per transaction: short transactions, so the relay and writers never wait long. */
export const PRUNE_BATCH_SIZE = 1000;

/**
 * Keeps the outbox small: events older than the retention period whose deliveries are all done are
 * deleted. The audit log keeps the history; an event with a pending or dead delivery stays until
 * it is delivered or replayed (dead letters must remain inspectable).
 */
@Injectable()
export class OutboxRetention {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    @Inject(EVENTS_OPTIONS) private readonly options: ResolvedEventsOptions,
    private readonly repository: OutboxRepository,
    private readonly clock: EventsClock,
  ) {}

  /** Deletes every prunable event in batches; returns how many. */
  async prune(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.options.retention.days * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.txHost.withTransaction(() => this.repository.pruneDelivered(before, PRUNE_BATCH_SIZE));
      total += deleted;
      if (deleted < PRUNE_BATCH_SIZE) return total;
    }
  }
}
