import { Injectable } from '@nestjs/common';
import { and, eq, exists, SQL, sql } from 'drizzle-orm';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { documentLinks, documents } from './documents.schema';
import type { DocumentLinkType } from './documents.schema';

export interface DocumentFilters extends CommonListFilters {
  linkType?: DocumentLinkType;
  linkId?: string;
  typeId?: string;
  ownerId?: string;
  departmentId?: string;
}

const DOCUMENTS: ResourceTableSpec<typeof documents> = {
  table: documents,
  scope: { ownerColumns: [documents.ownerId, documents.createdBy], departmentColumn: documents.departmentId },
  constraints: referenceConstraints('documents', { ownerId: 'users', departmentId: 'departments', typeId: 'document_types', fileId: 'files' }),
  sort: { fields: { createdAt: { expression: documents.createdAt, type: 'timestamp' } }, tieBreaker: documents.id, defaultSort: '-createdAt' },
  filters: { typeId: documents.typeId, ownerId: documents.ownerId, departmentId: documents.departmentId },
};

@Injectable()
export class DocumentsRepository extends ResourceRepository<typeof documents, DocumentFilters> {
  protected readonly spec = DOCUMENTS;

  protected override filterConditions(filters: DocumentFilters): (SQL | undefined)[] {
    if (!filters.linkType && !filters.linkId) return [];
    const link = this.db
      .select({ one: sql`1` })
      .from(documentLinks)
      .where(
        and(
          eq(documentLinks.documentId, documents.id),
          filters.linkType ? eq(documentLinks.linkType, filters.linkType) : undefined,
          filters.linkId ? eq(documentLinks.linkId, filters.linkId) : undefined,
        ),
      );
    return [exists(link)];
  }
}
