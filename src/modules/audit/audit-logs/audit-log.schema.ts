import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';
import type { FieldChanges } from '@libs/events';

/**
 * One row per domain event, append-only for the app (writer has INSERT and SELECT only) and
 * hash-chained in `seq` order. No foreign key to domain_events: the audit log outlives the outbox.
 */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: id(),
    /** The chain order: assigned under the chain lock, so it is also the commit order. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
    eventId: uuid('event_id').notNull().unique(),
    actorId: uuid('actor_id'),
    /** The event type, e.g. `auth.user.updated`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    changes: jsonb('changes').$type<FieldChanges>(),
    requestId: text('request_id'),
    clientIp: text('client_ip'),
    occurredAt: timestamptz('occurred_at').notNull(),
    recordedAt: timestamptz('recorded_at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_logs_entity_idx').on(t.entityType, t.entityId, t.seq),
    index('audit_logs_actor_idx').on(t.actorId, t.seq),
    index('audit_logs_action_idx').on(t.action, t.seq),
    index('audit_logs_occurred_at_idx').on(t.occurredAt),
  ],
);

export type AuditLog = typeof auditLogs.$inferSelect;
export type NewAuditLog = typeof auditLogs.$inferInsert;
