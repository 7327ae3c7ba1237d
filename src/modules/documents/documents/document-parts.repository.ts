import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { files, StoredFile } from '../files/files.schema';
import { Document, DocumentLink, documentLinks, documents, DocumentType, documentTypes, DocumentVersion, documentVersions } from './documents.schema';
import type { DocumentLinkType } from './documents.schema';

/** Links, versions and types of documents (no scope of their own: callers hold a visible document). */
@Injectable()
export class DocumentPartsRepository extends Repository {
  async linksOf(documentIds: string[]): Promise<DocumentLink[]> {
    if (!documentIds.length) return [];
    return this.db.select().from(documentLinks).where(inArray(documentLinks.documentId, documentIds)).orderBy(asc(documentLinks.createdAt), asc(documentLinks.id));
  }

  async addLinks(documentId: string, links: { type: DocumentLinkType; id: string }[]): Promise<void> {
    if (!links.length) return;
    await this.db
      .insert(documentLinks)
      .values(links.map((link) => ({ documentId, linkType: link.type, linkId: link.id })))
      .onConflictDoNothing();
  }

  async addVersion(documentId: string, versionNumber: number, fileId: string, createdBy: string | null): Promise<void> {
    await this.db.insert(documentVersions).values({ documentId, versionNumber, fileId, createdBy });
  }

  async versionsOf(documentId: string): Promise<(DocumentVersion & { file: StoredFile })[]> {
    const rows = await this.db
      .select()
      .from(documentVersions)
      .innerJoin(files, eq(files.id, documentVersions.fileId))
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(asc(documentVersions.versionNumber));
    return rows.map((row) => ({ ...row.document_versions, file: row.files }));
  }

  /** Ids of documents linked to a record. */
  async documentsLinkedTo(type: DocumentLinkType, id: string): Promise<string[]> {
    const rows = await this.db
      .select({ documentId: documentLinks.documentId })
      .from(documentLinks)
      .where(and(eq(documentLinks.linkType, type), eq(documentLinks.linkId, id)));
    return rows.map((row) => row.documentId);
  }

  /** Every document (live or soft-deleted) linked to a record, with no scope: for erasure only. */
  async documentsOfRecord(type: DocumentLinkType, id: string): Promise<Document[]> {
    const rows = await this.db
      .select()
      .from(documents)
      .innerJoin(documentLinks, eq(documentLinks.documentId, documents.id))
      .where(and(eq(documentLinks.linkType, type), eq(documentLinks.linkId, id)));
    return rows.map((row) => row.documents);
  }

  /** Removes a document with its versions and links (the files are the caller's to remove). */
  async hardDeleteDocument(id: string): Promise<void> {
    await this.db.delete(documents).where(eq(documents.id, id));
  }

  async removeLink(documentId: string, type: DocumentLinkType, id: string): Promise<void> {
    await this.db.delete(documentLinks).where(and(eq(documentLinks.documentId, documentId), eq(documentLinks.linkType, type), eq(documentLinks.linkId, id)));
  }

  async type(id: string): Promise<DocumentType | undefined> {
    const [row] = await this.db.select().from(documentTypes).where(eq(documentTypes.id, id));
    return row;
  }

  /** The type valid on `day` with this key. */
  async typeByKey(key: string, day: string): Promise<DocumentType | undefined> {
    const [row] = await this.db
      .select()
      .from(documentTypes)
      .where(and(eq(documentTypes.key, key), lte(documentTypes.validFrom, day), or(isNull(documentTypes.validTo), gte(documentTypes.validTo, day))));
    return row;
  }

  types(): Promise<DocumentType[]> {
    return this.db.select().from(documentTypes).orderBy(asc(documentTypes.key), asc(documentTypes.validFrom));
  }
}
