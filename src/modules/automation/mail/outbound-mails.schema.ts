import { index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';

export const mailTransport = pgEnum('mail_transport', ['smtp', 'outbox']);
export type MailTransport = (typeof mailTransport.enumValues)[number];

/**
 * Every automated mail: sent through SMTP (SMTP_URL), or — without a mail server, the embedded
 * default — kept here as the local outbox (`GET /automation/outbox`). One row per idempotency key:
 * a retried step finds its mail instead of writing it twice.
 */
export const outboundMails = pgTable(
  'outbound_mails',
  {
    id: id(),
    idempotencyKey: text('idempotency_key').notNull(),
    messageId: text('message_id').notNull(),
    transport: mailTransport('transport').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** When the SMTP server accepted it (null in the local outbox). */
    sentAt: timestamptz('sent_at'),
  },
  (t) => [uniqueIndex('outbound_mails_idempotency_key_key').on(t.idempotencyKey), index('outbound_mails_created_at_id_idx').on(t.createdAt, t.id)],
);

export type OutboundMail = typeof outboundMails.$inferSelect;
