import { auditedPick } from '@libs/resource';
import type { DocumentRequestItemDto, DocumentRequestResponseDto } from './document-request.dto';
import { isOverdue, linkState } from './document-request.rules';
import type { DocumentRequest, DocumentRequestItem } from './document-requests.schema';

/** What the audit log records of a request: never the token hash. */
export const DOCUMENT_REQUEST_AUDITED_FIELDS = [
  'contactId',
  'projectId',
  'language',
  'dueDate',
  'reminderDaysBefore',
  'status',
  'fulfilledAt',
  'tokenIssuedAt',
  'tokenExpiresAt',
  'tokenRevokedAt',
  'ownerId',
  'departmentId',
] as const satisfies readonly (keyof DocumentRequest)[];

const RESPONSE_FIELDS = ['contactId', 'projectId', 'language', 'dueDate', 'reminderDaysBefore', 'status', 'fulfilledAt', 'ownerId', 'departmentId'] as const satisfies readonly (keyof DocumentRequest)[];

export function toDocumentRequestResponse(request: DocumentRequest, items: readonly DocumentRequestItem[], now: Date, today: string): DocumentRequestResponseDto {
  const response = auditedPick(request, RESPONSE_FIELDS) as DocumentRequestResponseDto;
  response.overdue = isOverdue(request, today);
  response.link = { state: linkState(request, now), issuedAt: request.tokenIssuedAt, expiresAt: request.tokenExpiresAt };
  response.checklist = items.filter((item) => item.requestId === request.id).map(toItemResponse);
  return response;
}

export function toItemResponse(item: DocumentRequestItem): DocumentRequestItemDto {
  return {
    itemId: item.id,
    position: item.position,
    typeId: item.typeId,
    instructions: item.instructions,
    required: item.required,
    status: item.status,
    documentId: item.documentId,
    rejectionReason: item.rejectionReason,
    uploadedAt: item.uploadedAt,
    reviewedAt: item.reviewedAt,
  };
}
