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
  /** Added with document requests (absent in events written before). */
  deletedDocumentRequestIds?: string[];
  detachedDocumentRequestIds?: string[];
}

/** `documents.request.link_issued` / `link_revoked`: the customer's link (never the token itself). */
export interface DocumentRequestLinkV1 {
  expiresAt: string | null;
}

/** `documents.request.item_uploaded`: the customer uploaded a file into a checklist item. */
export interface DocumentRequestItemUploadedV1 {
  itemId: string;
  typeId: string;
  documentId: string;
  versionNumber: number;
  fileId: string;
  sha256: string;
}

/** `documents.request.item_accepted` / `item_rejected`: staff reviewed an upload. */
export interface DocumentRequestItemReviewedV1 {
  itemId: string;
  typeId: string;
  documentId: string | null;
  reason: string | null;
}

/** `documents.request.fulfilled` / `reopened`: every required item has a file, or no longer has. */
export interface DocumentRequestStatusV1 {
  contactId: string | null;
  projectId: string | null;
  from: string;
  to: string;
}

/** `documents.request.reminder_due` / `overdue` (daily check): for automation to e-mail the customer or staff. */
export interface DocumentRequestReminderV1 {
  kind: 'due_soon' | 'overdue';
  contactId: string | null;
  projectId: string | null;
  ownerId: string | null;
  language: string;
  dueDate: string;
  /** Required items still without an accepted or pending-review file. */
  missingItems: { itemId: string; typeId: string }[];
  linkActive: boolean;
}

export const DOCUMENTS_EVENTS = defineEvents('documents', {
  document: { ...resourceEvents(), versionAdded: payload<DocumentVersionAddedV1>() },
  request: {
    ...resourceEvents(),
    linkIssued: payload<DocumentRequestLinkV1>(),
    linkRevoked: payload<DocumentRequestLinkV1>(),
    itemUploaded: payload<DocumentRequestItemUploadedV1>(),
    itemAccepted: payload<DocumentRequestItemReviewedV1>(),
    itemRejected: payload<DocumentRequestItemReviewedV1>(),
    fulfilled: payload<DocumentRequestStatusV1>(),
    reopened: payload<DocumentRequestStatusV1>(),
    reminderDue: payload<DocumentRequestReminderV1>(),
    overdue: payload<DocumentRequestReminderV1>(),
  },
  pdf: { rendered: payload<PdfRenderedV1>() },
  contact: { documentsErased: payload<ContactDocumentsErasedV1>() },
});
