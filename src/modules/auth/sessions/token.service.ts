import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '@libs/config';
import { InjectAppConfig } from '@libs/config';
import { AuthErrors } from '../auth.errors';

const ISSUER = 'renewa';
const AUDIENCE = 'renewa-api';
/** Verified access tokens kept (a client sends the same token with every request until it expires). */
const VERIFIED_TOKENS_MAX = 10_000;

export interface AccessClaims {
  userId: string;
  /** The refresh-token family (one sign-in) the token belongs to. */
  sessionId: string;
}

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** Short-lived HS256 access tokens and opaque refresh tokens (only their sha256 is stored). */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  /** Token → its claims and expiry (epoch seconds), once its signature and claims checked out. */
  private readonly verified = new Map<string, { claims: AccessClaims; exp: number }>();

  constructor(@InjectAppConfig() private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
  }

  async signAccessToken({ userId, sessionId }: AccessClaims): Promise<IssuedAccessToken> {
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key);
    return { accessToken, expiresIn };
  }

  /**
   * The claims of a valid token; a 401 problem for anything else (bad signature, expired, wrong
   * audience). The signature of a token already verified is not checked again (the same string
   * has the same signature): only its expiry, as jose checks it. Whether its sign-in is still live
   * is the guard's question, asked on every request.
   */
  async verifyAccessToken(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known && Math.floor(Date.now() / 1000) < known.exp) return known.claims;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw AuthErrors.tokenInvalid();
      const claims = { userId: payload.sub, sessionId: payload.sid };
      if (typeof payload.exp === 'number') this.remember(token, claims, payload.exp);
      return claims;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) throw AuthErrors.tokenInvalid();
      throw error;
    }
  }

  private remember(token: string, claims: AccessClaims, exp: number): void {
    this.verified.delete(token);
    if (this.verified.size >= VERIFIED_TOKENS_MAX) {
      // The oldest entry first (Map keeps insertion order): expired ones go, or the least recent.
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { claims, exp });
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token) };
  }

  get refreshTokenTtlDays(): number {
    return this.config.auth.refreshTokenTtlDays;
  }

  /** A sign-in ends this many days after it started, however often it was refreshed. */
  get sessionMaxDays(): number {
    return this.config.auth.sessionMaxDays;
  }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
