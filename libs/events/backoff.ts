/** How often and how patiently the relay retries a failing subscriber before dead-lettering it. */
export interface RetryPolicy {
  /** Attempts in all, the first included; the last failure dead-letters the delivery. */
  maxAttempts: number;
  /** Delay before the second attempt; doubles with every further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 10 attempts over about 8½ minutes (1 s, 2 s, … 256 s apart, each with jitter). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 };

/**
 * Delay after the `attempt`-th failed attempt (1-based): exponential, capped, with "equal jitter"
 * (a random point in the upper half of the step), so instances retrying the same outage spread out
 * but a retry never comes much earlier than the schedule says.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

export type FailedDeliveryState =
  | { status: 'pending'; attempts: number; nextAttemptAt: Date }
  | { status: 'dead'; attempts: number; nextAttemptAt: Date };

/** The state of a delivery after an attempt failed: retried later, or dead after the last attempt. */
export function afterFailure(
  previousAttempts: number,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): FailedDeliveryState {
  const attempts = previousAttempts + 1;
  if (attempts >= policy.maxAttempts) return { status: 'dead', attempts, nextAttemptAt: now };
  return { status: 'pending', attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, policy, random)) };
}
