import { AnyPgColumn, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';
import { users } from '../users/users.schema';

/**
 * Opaque refresh tokens, stored as sha256 of the token. Every use rotates: the used row gets
 * `used_at` and `replaced_by`; presenting a used token again revokes its whole family (one login).
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** One family per login; the access tokens carry it as `sid`. */
    familyId: uuid('family_id').notNull(),
    /** When the family's sign-in happened; copied on rotation (the absolute session limit counts from it). */
    sessionStartedAt: timestamptz('session_started_at').notNull().defaultNow(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    revokedAt: timestamptz('revoked_at'),
    replacedBy: uuid('replaced_by').references((): AnyPgColumn => refreshTokens.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_token_hash_key').on(t.tokenHash),
    index('refresh_tokens_user_id_idx').on(t.userId),
    index('refresh_tokens_family_id_idx').on(t.familyId),
    index('refresh_tokens_replaced_by_idx').on(t.replacedBy),
    index('refresh_tokens_expires_at_idx').on(t.expiresAt),
  ],
);

export type RefreshToken = typeof refreshTokens.$inferSelect;
