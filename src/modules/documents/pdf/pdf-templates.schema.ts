import { integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';

export const pdfTemplateKind = pgEnum('pdf_template_kind', [
  'quote',
  'invoice',
  'cancellation',
  'letter',
  'document_request',
  'appointment_confirmation',
  'isfp_cover',
]);

/**
 * One version of the template of a kind in a language. Rows are never changed: editing inserts the
 * next version, and every rendered PDF records the row it was rendered with. `blocks` are Liquid
 * texts (subject, intro, closing, legal notes, …); `letterhead` the organisation's sender data.
 */
export const pdfTemplates = pgTable(
  'pdf_templates',
  {
    id: id(),
    kind: pdfTemplateKind('kind').notNull(),
    language: text('language').notNull(),
    version: integer('version').notNull(),
    blocks: jsonb('blocks').$type<Record<string, string>>().notNull(),
    letterhead: jsonb('letterhead').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('pdf_templates_kind_language_version_unique').on(t.kind, t.language, t.version)],
);

export type PdfTemplate = typeof pdfTemplates.$inferSelect;
