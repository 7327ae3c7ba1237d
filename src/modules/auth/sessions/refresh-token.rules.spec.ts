import { judgeRefreshToken, refreshTokenExpiry, revokesFamily, sessionEnd } from './refresh-token.rules';

const now = new Date('2026-11-26T12:00:00Z');
const valid = { usedAt: null, revokedAt: null, expiresAt: new Date('2026-12-26T12:00:00Z'), sessionEndsAt: new Date('2027-02-24T12:00:00Z'), userActive: true };

describe('refresh token rotation rules', () => {
  it('rotates a fresh, unused token of an active user', () => {
    expect(judgeRefreshToken(valid, now)).toBe('rotate');
    expect(revokesFamily('rotate')).toBe(false);
  });

  it('treats a second use as reuse, which revokes the family', () => {
    expect(judgeRefreshToken({ ...valid, usedAt: new Date('2026-11-26T11:00:00Z') }, now)).toBe('reuse');
    expect(revokesFamily('reuse')).toBe(true);
  });

  it('refuses unknown, revoked and expired tokens without touching the family', () => {
    expect(judgeRefreshToken(undefined, now)).toBe('invalid');
    expect(judgeRefreshToken({ ...valid, revokedAt: now }, now)).toBe('invalid');
    // A used token of an already revoked family: nothing left to revoke.
    expect(judgeRefreshToken({ ...valid, revokedAt: now, usedAt: now }, now)).toBe('invalid');
    expect(judgeRefreshToken({ ...valid, expiresAt: now }, now)).toBe('invalid');
    expect(revokesFamily('invalid')).toBe(false);
  });

  it('refuses a deactivated user and revokes the family', () => {
    expect(judgeRefreshToken({ ...valid, userActive: false }, now)).toBe('inactive');
    expect(revokesFamily('inactive')).toBe(true);
  });

  it('reuse is detected even after expiry', () => {
    expect(judgeRefreshToken({ ...valid, usedAt: now, expiresAt: new Date(0) }, now)).toBe('reuse');
  });

  it('refuses a token whose sign-in has reached its absolute end, even before the token expires', () => {
    expect(judgeRefreshToken({ ...valid, sessionEndsAt: now }, now)).toBe('invalid');
    expect(judgeRefreshToken({ ...valid, sessionEndsAt: new Date(now.getTime() + 1000) }, now)).toBe('rotate');
  });

  it('expires ttlDays after issue, but never past the end of the sign-in', () => {
    const farEnd = sessionEnd(now, 90);
    expect(farEnd.toISOString()).toBe('2027-02-24T12:00:00.000Z');
    expect(refreshTokenExpiry(now, 30, farEnd).toISOString()).toBe('2026-12-26T12:00:00.000Z');
    const startedLongAgo = sessionEnd(new Date('2026-09-01T00:00:00Z'), 90);
    expect(refreshTokenExpiry(now, 30, startedLongAgo).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});
