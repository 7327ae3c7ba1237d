export interface ThrottlePolicy {
  windowSeconds: number;
  maxFailures: number;
}

/** Failed sign-ins tolerated per account (normalised email, known or not) within the window. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { windowSeconds: 15 * 60, maxFailures: 5 };
/** Per client ip: higher, since an office shares one address. */
export const IP_THROTTLE: ThrottlePolicy = { windowSeconds: 15 * 60, maxFailures: 20 };

/**
 * Seconds until one more attempt is allowed under `policy`, 0 when allowed now. With N allowed
 * failures per sliding window, the block lifts when the N-th most recent failure leaves the window.
 */
export function retryAfterSeconds(failures: readonly Date[], now: Date, policy: ThrottlePolicy): number {
  const windowMs = policy.windowSeconds * 1000;
  const recent = failures
    .map((f) => f.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return 0;
  const liftsAt = recent[policy.maxFailures - 1] + windowMs;
  return Math.max(1, Math.ceil((liftsAt - now.getTime()) / 1000));
}

export interface ThrottleInput {
  accountFailures: readonly Date[];
  ipFailures: readonly Date[];
  now: Date;
}

/** How far back the repository must look for both throttles. */
export const THROTTLE_LOOKBACK_SECONDS = Math.max(ACCOUNT_THROTTLE.windowSeconds, IP_THROTTLE.windowSeconds);

/** The longer wait of the two throttles (0: go ahead). */
export function loginRetryAfter({ accountFailures, ipFailures, now }: ThrottleInput): number {
  return Math.max(retryAfterSeconds(accountFailures, now, ACCOUNT_THROTTLE), retryAfterSeconds(ipFailures, now, IP_THROTTLE));
}
