import { Injectable } from '@nestjs/common';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { users } from '../users/users.schema';
import { refreshTokens } from './refresh-tokens.schema';

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  sessionStartedAt: Date;
  userAgent?: string;
  ip?: string;
}

@Injectable()
export class RefreshTokensRepository extends Repository {
  async insert(token: NewRefreshToken): Promise<{ id: string }> {
    const [row] = await this.db.insert(refreshTokens).values(token).returning({ id: refreshTokens.id });
    return row;
  }

  /** The token row, locked until the transaction ends, so two concurrent uses cannot both rotate it. */
  async findByHashForUpdate(tokenHash: string) {
    const [row] = await this.db
      .select({
        id: refreshTokens.id,
        userId: refreshTokens.userId,
        familyId: refreshTokens.familyId,
        usedAt: refreshTokens.usedAt,
        revokedAt: refreshTokens.revokedAt,
        expiresAt: refreshTokens.expiresAt,
        sessionStartedAt: refreshTokens.sessionStartedAt,
        userActive: users.isActive,
      })
      .from(refreshTokens)
      .innerJoin(users, eq(users.id, refreshTokens.userId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .for('update', { of: refreshTokens });
    return row;
  }

  async markUsed(id: string, replacedBy: string): Promise<void> {
    await this.db.update(refreshTokens).set({ usedAt: sql`now()`, replacedBy }).where(eq(refreshTokens.id, id));
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  /** Every live token of the user, except those of the sign-in `keepFamilyId`. */
  async revokeAllOfUser(userId: string, keepFamilyId?: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(refreshTokens.userId, userId),
          isNull(refreshTokens.revokedAt),
          keepFamilyId ? ne(refreshTokens.familyId, keepFamilyId) : undefined,
        ),
      );
  }

  /** Housekeeping: tokens that expired more than a day ago can go. */
  async deleteExpired(): Promise<void> {
    await this.db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, sql`now() - interval '1 day'`));
  }
}
