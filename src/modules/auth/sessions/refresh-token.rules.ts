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
  userActive: boolean;
}

export function judgeRefreshToken(token: PresentedToken | undefined, now: Date): RefreshVerdict {
  if (!token || token.revokedAt) return 'invalid';
  if (token.usedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'invalid';
  if (!token.userActive) return 'inactive';
  return 'rotate';
}

/** Verdicts after which the token's family must not issue tokens any more. */
export const revokesFamily = (verdict: RefreshVerdict): boolean => verdict === 'reuse' || verdict === 'inactive';

export function refreshTokenExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 86_400_000);
}
