import { afterFailure, DEFAULT_RETRY_POLICY, retryDelayMs, RetryPolicy } from './backoff';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };
const NOW = new Date('2026-01-01T00:00:00Z');

describe('retryDelayMs', () => {
  it('doubles per attempt, between half and the whole step', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(2, policy, () => 0.5)).toBe(1500);
  });

  it('is capped at maxDelayMs', () => {
    expect(retryDelayMs(10, policy, () => 1)).toBe(5000);
    expect(retryDelayMs(1000, policy, () => 1)).toBe(5000);
  });

  it('stays within its bounds for random jitter', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const step = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
      const delay = retryDelayMs(attempt);
      expect(delay).toBeGreaterThanOrEqual(step / 2);
      expect(delay).toBeLessThanOrEqual(step);
    }
  });
});

describe('afterFailure', () => {
  it('schedules the next attempt until the last one, then dead-letters', () => {
    expect(afterFailure(0, NOW, policy, () => 1)).toEqual({ status: 'pending', attempts: 1, nextAttemptAt: new Date('2026-01-01T00:00:01Z') });
    expect(afterFailure(2, NOW, policy, () => 1)).toEqual({ status: 'pending', attempts: 3, nextAttemptAt: new Date('2026-01-01T00:00:04Z') });
    expect(afterFailure(3, NOW, policy)).toEqual({ status: 'dead', attempts: 4, nextAttemptAt: NOW });
  });

  it('gives the default policy ten attempts', () => {
    expect(afterFailure(8, NOW).status).toBe('pending');
    expect(afterFailure(9, NOW).status).toBe('dead');
  });
});
