import { definePermissions } from '@libs/auth';

/**
 * The documents context's permissions; registered in src/permissions.catalogue.ts. A document's
 * own scope columns (owner, department) decide the unfiltered list; a document is read only when
 * at least one record it is linked to is visible to the reader through that record's context.
 */
export const documentsPermissions = definePermissions('documents', {
  'documents.documents:read': { de: 'Dokumente ansehen und herunterladen', en: 'View and download documents' },
  'documents.documents:create': { de: 'Dateien hochladen und Dokumente anlegen', en: 'Upload files and create documents' },
  'documents.documents:update': { de: 'Dokumente bearbeiten und neue Versionen hochladen', en: 'Edit documents and upload new versions' },
  'documents.documents:delete': { de: 'Dokumente löschen und wiederherstellen (außerhalb der Aufbewahrungsfrist)', en: 'Delete and restore documents (outside their retention period)' },
  'documents.requests:read': { de: 'Dokumentanforderungen ansehen', en: 'View document requests' },
  'documents.requests:create': { de: 'Dokumentanforderungen anlegen', en: 'Create document requests' },
  'documents.requests:update': { de: 'Dokumentanforderungen bearbeiten, Links ausstellen und widerrufen, Uploads annehmen und ablehnen', en: 'Edit document requests, issue and revoke their links, accept and reject uploads' },
  'documents.requests:delete': { de: 'Dokumentanforderungen löschen und wiederherstellen', en: 'Delete and restore document requests' },
  'documents.templates:read': { de: 'PDF-Vorlagen ansehen und Vorschauen erzeugen', en: 'View PDF templates and render previews' },
  'documents.templates:update': { de: 'PDF-Vorlagen bearbeiten (neue Version)', en: 'Edit PDF templates (new version)' },
});

export type DocumentsPermission = (typeof documentsPermissions.keys)[number];
