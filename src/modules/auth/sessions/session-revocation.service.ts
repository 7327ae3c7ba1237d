import { Injectable } from '@nestjs/common';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/**
 * Ends a user's sign-ins (their refresh tokens; their access tokens stop at the next request, as
 * the guard checks the sign-in): used by user administration (deactivation, password reset) and
 * by a user changing their own password.
 */
@Injectable()
export class SessionRevocation {
  constructor(private readonly refreshTokens: RefreshTokensRepository) {}

  /** Revokes every sign-in of the user, except `keepSessionId` (the caller's own). */
  revokeAllOfUser(userId: string, keepSessionId?: string): Promise<void> {
    return this.refreshTokens.revokeAllOfUser(userId, keepSessionId);
  }
}
