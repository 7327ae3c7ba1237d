import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';

/**
 * The first response to each `Idempotency-Key`, per actor. The row is inserted in the transaction
 * of the change it protects, so a key exists exactly when its change committed; a concurrent
 * request with the same key waits on the primary key until the first one commits or rolls back.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: id(),
    /** The user who sent the key (the anonymous actor for public routes): keys are per client. */
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    /** `POST /api/v1/leads`: a key is bound to one operation. */
    requestMethod: text('request_method').notNull(),
    requestPath: text('request_path').notNull(),
    /** sha256 of the canonical JSON body: the same key with another body is a 422. */
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body'),
    /** Response headers worth replaying (ETag, Location). */
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  // A unique index rather than a composite primary key: drizzle-kit's introspection (the drift test)
  // cannot read composite primary keys back.
  (t) => [uniqueIndex('idempotency_keys_actor_key_key').on(t.actorId, t.key), index('idempotency_keys_expires_at_idx').on(t.expiresAt)],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
