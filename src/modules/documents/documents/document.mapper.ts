import { auditedPick, pick } from '@libs/resource';
import type { FileResponseDto } from '../files/file.dto';
import type { StoredFile } from '../files/files.schema';
import type { DocumentResponseDto, DocumentTypeResponseDto } from './document.dto';
import type { Document, DocumentLink, DocumentType } from './documents.schema';

export const DOCUMENT_AUDITED_FIELDS = ['typeId', 'title', 'documentDate', 'fileId', 'currentVersion', 'retainUntil', 'ownerId', 'departmentId'] as const satisfies readonly (keyof Document)[];

export function toDocumentResponse(document: Document, links: DocumentLink[]): DocumentResponseDto {
  // Links are set on the picked object: spreading it into a new one costs far more per row.
  const response: Omit<DocumentResponseDto, 'links'> & Partial<Pick<DocumentResponseDto, 'links'>> = auditedPick(document, DOCUMENT_AUDITED_FIELDS);
  response.links = links.filter((link) => link.documentId === document.id).map((link) => ({ type: link.linkType, id: link.linkId }));
  return response as DocumentResponseDto;
}

export function toFileResponse(file: StoredFile): FileResponseDto {
  return pick(file, ['id', 'filename', 'contentType', 'byteSize', 'sha256', 'createdAt']);
}

export function toDocumentTypeResponse(type: DocumentType): DocumentTypeResponseDto {
  return pick(type, ['id', 'key', 'name', 'retentionYears', 'validFrom', 'validTo', 'source']);
}
