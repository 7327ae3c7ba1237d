import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@libs/config';
import { InjectAppConfig } from '@libs/config';
import { OutboxRetention } from '@libs/events';
import { IdempotencyRetention } from '@libs/idempotency';

/** First run a minute after boot (boot stays fast, short-lived processes never run it), then hourly. */
const FIRST_RUN_DELAY_MS = 60_000;
const INTERVAL_MS = 60 * 60_000;

export interface HousekeepingResult {
  outboxEventsDeleted: number;
  idempotencyKeysDeleted: number;
}

/**
 * Deletes what the platform no longer needs: delivered outbox events past their retention and
 * expired idempotency keys. Every instance may run it (HOUSEKEEPING_ENABLED): the deletes are
 * batched, idempotent and skip rows another instance holds.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HousekeepingService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly outboxRetention: OutboxRetention,
    private readonly idempotencyRetention: IdempotencyRetention,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.housekeeping.enabled) this.schedule(FIRST_RUN_DELAY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async runOnce(): Promise<HousekeepingResult> {
    const result = {
      outboxEventsDeleted: await this.outboxRetention.prune(),
      idempotencyKeysDeleted: await this.idempotencyRetention.purgeExpired(),
    };
    this.logger.log(`housekeeping: deleted ${result.outboxEventsDeleted} outbox events, ${result.idempotencyKeysDeleted} idempotency keys`);
    return result;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error(`housekeeping failed: ${(error as Error)?.message ?? String(error)}`))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.schedule(INTERVAL_MS);
        });
    }, delayMs);
    this.timer.unref();
  }
}
