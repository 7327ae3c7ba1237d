import { Injectable } from '@nestjs/common';

/**
 * The time the outbox and the relay schedule by (occurred_at, next_attempt_at, due deliveries).
 * Tests replace `now` to make retries due without waiting.
 */
@Injectable()
export class EventsClock {
  now(): Date {
    return new Date();
  }
}
