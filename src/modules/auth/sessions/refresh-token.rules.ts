/** What presenting a refresh token leads to. */
export type RefreshVerdict =
  /** valid: mark it used and issue its successor in the same family */
  | 'rotate'
  /** already used once: someone replays it, so the whole family is revoked */
  | 'reuse'
  /** unknown, revoked or expired: refuse, change nothing */
  | 'invalid'
  /** valid, but its user is deactivated: refuse and revoke the family */
  | 'inactive';

export interface PresentedToken {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  /** The sign-in's absolute end (sessionEnd): no rotation extends a sign-in past it. */
  sessionEndsAt: Date;
  userActive: boolean;
}

export function judgeRefreshToken(token: PresentedToken | undefined, now: Date): RefreshVerdict {
  if (!token || token.revokedAt) return 'invalid';
  if (token.usedAt) return 'reuse';
  if (Math.min(token.expiresAt.getTime(), token.sessionEndsAt.getTime()) <= now.getTime()) return 'invalid';
  if (!token.userActive) return 'inactive';
  return 'rotate';
}

/** Verdicts after which the token's family must not issue tokens any more. */
export const revokesFamily = (verdict: RefreshVerdict): boolean => verdict === 'reuse' || verdict === 'inactive';

const DAY_MS = 86_400_000;

/** When a sign-in started at `startedAt` ends, however often its refresh token was rotated. */
export function sessionEnd(startedAt: Date, maxDays: number): Date {
  return new Date(startedAt.getTime() + maxDays * DAY_MS);
}

/** `ttlDays` after issue, but never past the end of the sign-in. */
export function refreshTokenExpiry(now: Date, ttlDays: number, sessionEndsAt: Date): Date {
  return new Date(Math.min(now.getTime() + ttlDays * DAY_MS, sessionEndsAt.getTime()));
}
