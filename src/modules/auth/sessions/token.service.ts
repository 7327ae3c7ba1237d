import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '@libs/config';
import { InjectAppConfig } from '@libs/config';
import { AuthErrors } from '../auth.errors';

const ISSUER = 'renewa';
const AUDIENCE = 'renewa-api';

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

  /** The claims of a valid token; a 401 problem for anything else (bad signature, expired, wrong audience). */
  async verifyAccessToken(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw AuthErrors.tokenInvalid();
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) throw AuthErrors.tokenInvalid();
      throw error;
    }
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
