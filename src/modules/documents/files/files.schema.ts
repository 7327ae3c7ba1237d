import { bigint, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes } from '@libs/db';

/**
 * A stored object: its bytes live in the configured storage under `storage_key`, this row holds
 * what was checked while streaming it in (sniffed type, size, SHA-256). A row exists only for an
 * object that was written completely.
 */
export const files = pgTable(
  'files',
  {
    ...standardColumns(),
    storageKey: text('storage_key').notNull(),
    /** Sanitised original name, used in Content-Disposition. */
    filename: text('filename').notNull(),
    /** Sniffed from the bytes, never taken from the client. */
    contentType: text('content_type').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    /** Hex SHA-256 of the bytes; the download's ETag. */
    sha256: text('sha256').notNull(),
  },
  (t) => [...standardIndexes('files', t), uniqueIndex('files_storage_key_unique').on(t.storageKey), index('files_sha256_idx').on(t.sha256)],
);

export type StoredFile = typeof files.$inferSelect;
