import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { IdempotencyRepository } from './idempotency.repository';

/** Keys deleted per transaction: short transactions, so requests claiming keys never wait long. */
export const PURGE_BATCH_SIZE = 1000;

/** Deletes expired idempotency keys (housekeeping): a key past its expiry starts afresh anyway. */
@Injectable()
export class IdempotencyRetention {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly repository: IdempotencyRepository,
  ) {}

  /** Deletes every key expired before `now`, in batches of PURGE_BATCH_SIZE, each its own transaction; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.txHost.withTransaction(() => this.repository.deleteExpired(now, PURGE_BATCH_SIZE));
      total += deleted;
      if (deleted < PURGE_BATCH_SIZE) return total;
    }
  }
}
