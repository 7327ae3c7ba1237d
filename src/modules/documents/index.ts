// The documents context's public surface. Everything else under src/modules/documents is private.
export { DocumentsModule } from './documents.module';
export { DOCUMENTS_EVENTS } from './documents.events';
export type {
  ContactDocumentsErasedV1,
  DocumentRequestItemReviewedV1,
  DocumentRequestItemUploadedV1,
  DocumentRequestLinkV1,
  DocumentRequestReminderV1,
  DocumentRequestStatusV1,
  DocumentVersionAddedV1,
  PdfRenderedV1,
} from './documents.events';
export { documentsPermissions } from './documents.permissions';
export type { DocumentsPermission } from './documents.permissions';
export { DocumentsQueries } from './documents.queries';
export { PdfRenderingService } from './pdf/pdf-rendering.service';
export * from './pdf/pdf-data';
