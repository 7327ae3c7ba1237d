import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, localizedText, standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { documents, documentTypes } from '../documents/documents.schema';

/** open: items still missing; fulfilled: every required item has a file; completed: every required item accepted. */
export const documentRequestStatus = pgEnum('document_request_status', ['open', 'fulfilled', 'completed']);
export const documentRequestItemStatus = pgEnum('document_request_item_status', ['pending', 'uploaded', 'accepted', 'rejected']);
export const documentRequestNoticeKind = pgEnum('document_request_notice_kind', ['due_soon', 'overdue']);

/**
 * A checklist of documents a customer is asked to upload through a link. Contact and project are
 * plain ids (like document links): their contexts keep their tables private; visibility and
 * existence are asked of their facades. Only the SHA-256 of the link's token is stored.
 */
export const documentRequests = pgTable(
  'document_requests',
  {
    ...standardColumns(),
    contactId: uuid('contact_id'),
    projectId: uuid('project_id'),
    language: text('language').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** A reminder event this many days before the due date (0: on the due date). */
    reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
    status: documentRequestStatus('status').notNull().default('open'),
    fulfilledAt: timestamptz('fulfilled_at'),
    /** Hex SHA-256 of the portal token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash'),
    tokenIssuedAt: timestamptz('token_issued_at'),
    tokenExpiresAt: timestamptz('token_expires_at'),
    tokenRevokedAt: timestamptz('token_revoked_at'),
    ...ownershipColumns(),
  },
  (t) => [
    ...standardIndexes('document_requests', t),
    ...ownershipIndexes('document_requests', t),
    index('document_requests_contact_id_idx').on(t.contactId),
    index('document_requests_project_id_idx').on(t.projectId),
    index('document_requests_status_due_date_idx').on(t.status, t.dueDate),
    index('document_requests_due_date_id_idx').on(t.dueDate, t.id),
    uniqueIndex('document_requests_token_hash_unique').on(t.tokenHash),
    check('document_requests_language_check', sql`${t.language} in ('de', 'en')`),
    check('document_requests_subject_check', sql`${t.contactId} is not null or ${t.projectId} is not null`),
  ],
);

/** One line of a request's checklist; `document_id` is the document its uploads became (new versions after the first). */
export const documentRequestItems = pgTable(
  'document_request_items',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => documentRequests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => documentTypes.id, { onDelete: 'restrict' }),
    instructions: localizedText('instructions').notNull(),
    required: boolean('required').notNull().default(true),
    status: documentRequestItemStatus('status').notNull().default('pending'),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    rejectionReason: text('rejection_reason'),
    uploadedAt: timestamptz('uploaded_at'),
    reviewedAt: timestamptz('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_request_items_request_position_unique').on(t.requestId, t.position),
    index('document_request_items_type_id_idx').on(t.typeId),
    index('document_request_items_document_id_idx').on(t.documentId),
  ],
);

/** Every call of the public endpoints (rate limiting per client address and per request); kept an hour's worth. */
export const documentRequestAccesses = pgTable(
  'document_request_accesses',
  {
    id: id(),
    requestId: uuid('request_id').references(() => documentRequests.id, { onDelete: 'cascade' }),
    clientIp: text('client_ip').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('document_request_accesses_client_created_idx').on(t.clientIp, t.createdAt), index('document_request_accesses_request_created_idx').on(t.requestId, t.createdAt)],
);

/** Reminder events already emitted: one per request, kind and due date (the daily check's idempotency). */
export const documentRequestNotices = pgTable(
  'document_request_notices',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => documentRequests.id, { onDelete: 'cascade' }),
    kind: documentRequestNoticeKind('kind').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_request_notices_request_kind_due_unique').on(t.requestId, t.kind, t.dueDate)],
);

export type DocumentRequestStatus = (typeof documentRequestStatus.enumValues)[number];
export type DocumentRequestItemStatus = (typeof documentRequestItemStatus.enumValues)[number];
export type DocumentRequestNoticeKind = (typeof documentRequestNoticeKind.enumValues)[number];
export type DocumentRequest = typeof documentRequests.$inferSelect;
export type DocumentRequestItem = typeof documentRequestItems.$inferSelect;
