import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, localizedText, standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { files } from '../files/files.schema';

export const documentLinkType = pgEnum('document_link_type', [
  'contact',
  'project',
  'building',
  'component',
  'scenario',
  'quote',
  'invoice',
  'funding_application',
  'appointment',
]);

/** Reference data: what a document is (floor plan, energy bill, …) and how long it must be kept. */
export const documentTypes = pgTable(
  'document_types',
  {
    id: id(),
    key: text('key').notNull(),
    name: localizedText('name').notNull(),
    /** Years a document of this type is kept after its document date (e.g. 8 for invoices, §147 AO); null: none. */
    retentionYears: integer('retention_years'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_types_key_valid_from_unique').on(t.key, t.validFrom),
    check('document_types_validity_order', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const documents = pgTable(
  'documents',
  {
    ...standardColumns(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => documentTypes.id, { onDelete: 'restrict' }),
    title: localizedText('title').notNull(),
    documentDate: date('document_date', { mode: 'string' }),
    /** The file of the newest version. */
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    currentVersion: integer('current_version').notNull().default(1),
    /** Not deletable before this date (legal retention); null: no retention. */
    retainUntil: date('retain_until', { mode: 'string' }),
    ...ownershipColumns(),
  },
  (t) => [
    ...standardIndexes('documents', t),
    ...ownershipIndexes('documents', t),
    index('documents_type_id_idx').on(t.typeId),
    index('documents_file_id_idx').on(t.fileId),
  ],
);

/** Every upload of a document; the newest is the document's `file_id`. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('document_versions_document_number_unique').on(t.documentId, t.versionNumber), index('document_versions_file_id_idx').on(t.fileId)],
);

/**
 * The records a document belongs to. Only the type and id are stored (no foreign key): several
 * linked contexts keep their tables private or do not exist yet; visibility is asked of the
 * linked context's facade.
 */
export const documentLinks = pgTable(
  'document_links',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    linkType: documentLinkType('link_type').notNull(),
    linkId: uuid('link_id').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_links_document_record_unique').on(t.documentId, t.linkType, t.linkId), index('document_links_record_idx').on(t.linkType, t.linkId)],
);

export type DocumentLinkType = (typeof documentLinkType.enumValues)[number];
export type DocumentType = typeof documentTypes.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type DocumentLink = typeof documentLinks.$inferSelect;
