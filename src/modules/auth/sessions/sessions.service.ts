import { Inject, Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { randomUUID } from 'node:crypto';
import { normalizeEmail } from '@libs/contact-data';
import { setContextValue } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { AUTH_EVENTS } from '../auth.events';
import { AuthErrors, TooManyAttemptsError } from '../auth.errors';
import { UsersService } from '../users/users.service';
import type { User } from '../users/users.schema';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { ACCOUNT_THROTTLE, IP_THROTTLE, loginRetryAfter, THROTTLE_LOOKBACK_SECONDS } from './login-throttle.rules';
import { PasswordHasher } from './password-hasher';
import { judgeRefreshToken, RefreshVerdict, refreshTokenExpiry, revokesFamily, sessionEnd } from './refresh-token.rules';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { hashRefreshToken, TokenService } from './token.service';

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

export interface SessionTokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly users: UsersService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly outbox: EventOutbox,
    @Inject(TransactionHost) private readonly txHost: DbTransactionHost,
  ) {}

  /**
   * Unknown email, wrong password and deactivated account all give the same 401, after the same
   * argon2 work (a dummy hash stands in for a missing user). Failures are throttled per account
   * and per ip, across instances (they are counted in the database).
   *
   * Every attempt that passes the throttle is first recorded as a failure, in a short transaction
   * serialised per account and ip; a success clears the account's failures. So a burst of
   * concurrent guesses cannot all pass the check before any of them is counted, and no connection
   * is held while argon2 runs.
   */
  async login(emailInput: string, password: string, client: ClientInfo): Promise<SessionTokens> {
    const email = normalizeEmail(emailInput);
    const wait = await this.txHost.withTransaction(async () => {
      await this.attempts.lockAccountAndIp(email, client.ip);
      const recent = await this.attempts.recentFailures(email, client.ip, THROTTLE_LOOKBACK_SECONDS, {
        account: ACCOUNT_THROTTLE.maxFailures,
        ip: IP_THROTTLE.maxFailures,
      });
      const retryAfter = loginRetryAfter({ accountFailures: recent.account, ipFailures: recent.ip, now: recent.now });
      if (retryAfter === 0) await this.attempts.recordFailure(email, client.ip);
      return retryAfter;
    });
    if (wait > 0) throw new TooManyAttemptsError(wait);

    const user = await this.users.findForSignIn(email);
    const passwordOk = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !passwordOk || !user.isActive) {
      await this.attempts.deleteOlderThanADay();
      throw AuthErrors.invalidCredentials();
    }
    // The user is the actor of their own sign-in (audit columns, the logged-in event).
    setContextValue('actorId', user.id);
    setContextValue('actorDepartmentId', user.departmentId);
    setContextValue('locale', user.locale);
    return this.startSession(user, client);
  }

  /**
   * Rotates a refresh token. A token presented a second time means it leaked (or a client raced
   * itself): the whole family is revoked, so the newest token stops working too. The revocation
   * commits before the 401 is thrown.
   */
  async refresh(token: string, client: ClientInfo): Promise<SessionTokens> {
    type Outcome =
      | { verdict: Exclude<RefreshVerdict, 'rotate'> }
      | { verdict: 'rotate'; userId: string; familyId: string; next: { token: string; expiresAt: Date } };
    const outcome = await this.txHost.withTransaction(async (): Promise<Outcome> => {
      const row = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(token));
      const presented = row && { ...row, sessionEndsAt: sessionEnd(row.sessionStartedAt, this.tokens.sessionMaxDays) };
      const verdict = judgeRefreshToken(presented, new Date());
      if (row && revokesFamily(verdict)) await this.refreshTokens.revokeFamily(row.familyId);
      if (!row || verdict !== 'rotate') return { verdict: verdict === 'rotate' ? 'invalid' : verdict };
      const next = await this.issueRefreshToken(row.userId, row.familyId, client, row.sessionStartedAt);
      await this.refreshTokens.markUsed(row.id, next.id);
      return { verdict, userId: row.userId, familyId: row.familyId, next };
    });
    if (outcome.verdict === 'reuse') throw AuthErrors.refreshTokenReused();
    if (outcome.verdict !== 'rotate') throw AuthErrors.refreshTokenInvalid();
    const access = await this.tokens.signAccessToken({ userId: outcome.userId, sessionId: outcome.familyId });
    return this.tokenResponse(access, outcome.next);
  }

  /** Revokes the sign-in the refresh token belongs to; unknown tokens are ignored (idempotent). */
  async logout(token: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const row = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(token));
      if (row) await this.refreshTokens.revokeFamily(row.familyId);
    });
  }

  @Transactional()
  private async startSession(user: User, client: ClientInfo): Promise<SessionTokens> {
    await this.attempts.clearAccount(user.email);
    await this.refreshTokens.deleteExpired();
    await this.users.recordLogin(user.id);
    const familyId = randomUUID();
    const refresh = await this.issueRefreshToken(user.id, familyId, client);
    await this.outbox.append(AUTH_EVENTS.user.loggedIn(user.id, { sessionId: familyId, userAgent: client.userAgent ?? null }));
    const access = await this.tokens.signAccessToken({ userId: user.id, sessionId: familyId });
    return this.tokenResponse(access, refresh);
  }

  /** A new token of the sign-in `familyId`, which started at `sessionStartedAt` (now, for a new sign-in). */
  private async issueRefreshToken(userId: string, familyId: string, client: ClientInfo, sessionStartedAt = new Date()) {
    const { token, hash } = this.tokens.newRefreshToken();
    const expiresAt = refreshTokenExpiry(new Date(), this.tokens.refreshTokenTtlDays, sessionEnd(sessionStartedAt, this.tokens.sessionMaxDays));
    const { id } = await this.refreshTokens.insert({
      userId,
      familyId,
      tokenHash: hash,
      expiresAt,
      sessionStartedAt,
      userAgent: client.userAgent?.slice(0, 500),
      ip: client.ip,
    });
    return { id, token, expiresAt };
  }

  private tokenResponse(access: { accessToken: string; expiresIn: number }, refresh: { token: string; expiresAt: Date }): SessionTokens {
    return { ...access, tokenType: 'Bearer', refreshToken: refresh.token, refreshTokenExpiresAt: refresh.expiresAt };
  }
}
