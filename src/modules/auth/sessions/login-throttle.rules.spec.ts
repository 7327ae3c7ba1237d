import { ACCOUNT_THROTTLE, IP_THROTTLE, loginRetryAfter, retryAfterSeconds } from './login-throttle.rules';

const now = new Date('2026-11-26T12:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const policy = { windowSeconds: 600, maxFailures: 3 };

describe('login throttle window', () => {
  it('allows while fewer than maxFailures fall in the window', () => {
    expect(retryAfterSeconds([], now, policy)).toBe(0);
    expect(retryAfterSeconds([ago(1), ago(2)], now, policy)).toBe(0);
    expect(retryAfterSeconds([ago(1), ago(2), ago(600)], now, policy)).toBe(0); // exactly 600 s ago: out
  });

  it('blocks until the maxFailures-th most recent failure leaves the window', () => {
    // newest three: 10, 20, 100 s ago → the 3rd leaves the window in 500 s
    expect(retryAfterSeconds([ago(100), ago(10), ago(20), ago(300)], now, policy)).toBe(500);
    expect(retryAfterSeconds([ago(599.5), ago(1), ago(2)], now, policy)).toBe(1);
    expect(retryAfterSeconds([ago(0), ago(0), ago(0)], now, policy)).toBe(600);
  });

  it('rounds up and never answers 0 while blocked', () => {
    expect(retryAfterSeconds([ago(599.999), ago(1), ago(1)], now, policy)).toBe(1);
    expect(retryAfterSeconds([ago(0.4), ago(0.4), ago(0.4)], now, policy)).toBe(600);
  });

  it('ignores failures in the future (clock skew) and outside the window', () => {
    expect(retryAfterSeconds([new Date(now.getTime() + 5000), ago(1), ago(2)], now, policy)).toBe(0);
    expect(retryAfterSeconds([ago(601), ago(700), ago(800)], now, policy)).toBe(0);
  });

  it('the longer of the account and ip throttles wins', () => {
    const accountFailures = Array.from({ length: ACCOUNT_THROTTLE.maxFailures }, (_, i) => ago(60 + i));
    const ipFailures = Array.from({ length: IP_THROTTLE.maxFailures }, (_, i) => ago(30 + i));
    expect(loginRetryAfter({ accountFailures, ipFailures: [], now })).toBe(ACCOUNT_THROTTLE.windowSeconds - 60 - (ACCOUNT_THROTTLE.maxFailures - 1));
    expect(loginRetryAfter({ accountFailures: [], ipFailures, now })).toBe(IP_THROTTLE.windowSeconds - 30 - (IP_THROTTLE.maxFailures - 1));
    expect(loginRetryAfter({ accountFailures: accountFailures.slice(1), ipFailures: ipFailures.slice(1), now })).toBe(0);
  });
});
