import { Injectable } from '@nestjs/common';
import { asc, eq, inArray } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { DocumentRequestItem, documentRequestItems } from './document-requests.schema';

export type NewDocumentRequestItem = typeof documentRequestItems.$inferInsert;
export type DocumentRequestItemChanges = Partial<Pick<DocumentRequestItem, 'status' | 'documentId' | 'rejectionReason' | 'uploadedAt' | 'reviewedAt' | 'reviewedBy'>>;

/** The checklists of requests (no scope of their own: callers hold a visible request or a valid token). */
@Injectable()
export class DocumentRequestItemsRepository extends Repository {
  async insertAll(items: NewDocumentRequestItem[]): Promise<DocumentRequestItem[]> {
    return this.db.insert(documentRequestItems).values(items).returning();
  }

  async itemsOf(requestIds: string[]): Promise<DocumentRequestItem[]> {
    if (!requestIds.length) return [];
    return this.db
      .select()
      .from(documentRequestItems)
      .where(requestIds.length === 1 ? eq(documentRequestItems.requestId, requestIds[0]) : inArray(documentRequestItems.requestId, requestIds))
      .orderBy(asc(documentRequestItems.requestId), asc(documentRequestItems.position));
  }

  async update(id: string, changes: DocumentRequestItemChanges): Promise<DocumentRequestItem> {
    const [row] = await this.db.update(documentRequestItems).set(changes).where(eq(documentRequestItems.id, id)).returning();
    return row;
  }
}
