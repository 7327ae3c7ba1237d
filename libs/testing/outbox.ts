import type { INestApplicationContext } from '@nestjs/common';
import { BatchResult, OutboxRelay } from '@libs/events';

/**
 * Delivers every due outbox event to its subscribers, in the test's process, and resolves when
 * nothing is due any more: tests call this instead of sleeping. Retries scheduled in the future
 * are not due (advance `EventsClock` to make them so).
 */
export function drainOutbox(app: INestApplicationContext): Promise<BatchResult> {
  return app.get(OutboxRelay, { strict: false }).drain();
}
