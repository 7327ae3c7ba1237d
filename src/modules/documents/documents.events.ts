import { ChangesPayload, defineEvents, payload, resourceEvents } from '@libs/events';

/** `documents.document.version_added`: a new upload of the same document. */
export interface DocumentVersionAddedV1 extends ChangesPayload {
  versionNumber: number;
  fileId: string;
  sha256: string;
}

/** `documents.pdf.rendered`: a PDF was rendered from a template version and stored as a document. */
export interface PdfRenderedV1 {
  kind: string;
  language: string;
  templateVersionId: string;
  fileId: string;
  sha256: string;
  links: { type: string; id: string }[];
}

/** `documents.contact.documents_erased`: a contact's documents were erased (GDPR); only ids, no content. */
export interface ContactDocumentsErasedV1 {
  deletedDocumentIds: string[];
  keptDocumentIds: string[];
}

export const DOCUMENTS_EVENTS = defineEvents('documents', {
  document: { ...resourceEvents(), versionAdded: payload<DocumentVersionAddedV1>() },
  pdf: { rendered: payload<PdfRenderedV1>() },
  contact: { documentsErased: payload<ContactDocumentsErasedV1>() },
});
