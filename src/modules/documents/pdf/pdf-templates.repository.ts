import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import type { PdfKind, PdfLanguage } from './pdf-data';
import { PdfTemplate, pdfTemplates } from './pdf-templates.schema';

@Injectable()
export class PdfTemplatesRepository extends Repository {
  /** The newest version of a kind in a language. */
  async current(kind: PdfKind, language: PdfLanguage): Promise<PdfTemplate | undefined> {
    const [row] = await this.db
      .select()
      .from(pdfTemplates)
      .where(and(eq(pdfTemplates.kind, kind), eq(pdfTemplates.language, language)))
      .orderBy(desc(pdfTemplates.version))
      .limit(1);
    return row;
  }

  async findById(id: string): Promise<PdfTemplate | undefined> {
    const [row] = await this.db.select().from(pdfTemplates).where(eq(pdfTemplates.id, id));
    return row;
  }

  /** Every version, or those of a kind, newest first within kind and language. */
  list(kind?: PdfKind): Promise<PdfTemplate[]> {
    return this.db
      .select()
      .from(pdfTemplates)
      .where(kind ? eq(pdfTemplates.kind, kind) : undefined)
      .orderBy(asc(pdfTemplates.kind), asc(pdfTemplates.language), desc(pdfTemplates.version));
  }

  /** The next version of a kind in a language; concurrent edits serialise on the unique index. */
  async insertNextVersion(values: Omit<typeof pdfTemplates.$inferInsert, 'version'>): Promise<PdfTemplate> {
    const next = sql<number>`coalesce((select max(${pdfTemplates.version}) from ${pdfTemplates} where ${pdfTemplates.kind} = ${values.kind} and ${pdfTemplates.language} = ${values.language}), 0) + 1`;
    const [row] = await this.db
      .insert(pdfTemplates)
      .values({ ...values, version: next })
      .returning();
    return row;
  }
}
