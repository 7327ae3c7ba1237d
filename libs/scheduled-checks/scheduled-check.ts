import { SetMetadata } from '@nestjs/common';
import { berlinDate } from '@libs/shared';

/** When a check runs: the instant, and the calendar day in Europe/Berlin that deadlines are counted in. */
export interface CheckTime {
  now: Date;
  /** `YYYY-MM-DD` in Europe/Berlin. */
  today: string;
}

/**
 * A periodic check of a context (deadlines, reminders, expiries). `run` must be idempotent: the
 * runner starts it once per interval across instances, but a crash after the check's commit and
 * before the run is recorded (or a manual run) repeats it. The usual shape: a unique notice row per
 * (record, kind, due date) inserted with ON CONFLICT DO NOTHING in the transaction of its event.
 */
export interface ScheduledCheckHandler {
  /** Returns how many events (or notices) it emitted. */
  run(at: CheckTime): Promise<number>;
}

export interface ScheduledCheckOptions {
  /** Unique, `<context>.<what>`, e.g. `funding.deadlines`. */
  name: string;
  /** Minutes between two runs (1–1440). */
  everyMinutes: number;
}

export const SCHEDULED_CHECK = Symbol('scheduled-check');

const NAME = /^[a-z][a-z0-9]*\.[a-z][a-z0-9_-]*$/;

/** Marks a provider as a scheduled check; the ScheduledChecksRunner finds it at boot. */
export function ScheduledCheck(options: ScheduledCheckOptions): ClassDecorator {
  if (!NAME.test(options.name)) throw new Error(`scheduled check name "${options.name}" must look like <context>.<what>`);
  if (!Number.isInteger(options.everyMinutes) || options.everyMinutes < 1 || options.everyMinutes > 1440) {
    throw new Error(`scheduled check ${options.name}: everyMinutes must be an integer from 1 to 1440`);
  }
  return SetMetadata(SCHEDULED_CHECK, options);
}

export function checkTime(now: Date): CheckTime {
  return { now, today: berlinDate(now) };
}

/**
 * Walks a check's candidates in keyset batches (by id, `size` at a time, one batch in memory) and
 * counts those `announce` reported; `announce` decides and writes each one in its own transaction.
 */
export async function announceEach<T extends { id: string }>(
  nextBatch: (afterId: string | undefined, size: number) => Promise<T[]>,
  announce: (candidate: T) => Promise<boolean>,
  size = 200,
): Promise<number> {
  let announced = 0;
  let afterId: string | undefined;
  for (;;) {
    const batch = await nextBatch(afterId, size);
    for (const candidate of batch) if (await announce(candidate)) announced++;
    if (batch.length < size) return announced;
    afterId = batch[batch.length - 1].id;
  }
}
