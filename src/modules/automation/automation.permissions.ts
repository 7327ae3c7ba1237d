import { definePermissions } from '@libs/auth';

/**
 * The automation context's permissions; registered in src/permissions.catalogue.ts. Workflows,
 * forms, runs and mails are the whole company's configuration and history: no record scopes
 * (every holder sees all of them).
 */
export const automationPermissions = definePermissions('automation', {
  'automation.workflows:read': { de: 'Workflows, Ereigniskatalog und Testläufe ansehen', en: 'View workflows, the event catalogue and test runs' },
  'automation.workflows:create': { de: 'Workflows anlegen', en: 'Create workflows' },
  'automation.workflows:update': { de: 'Workflows bearbeiten, aktivieren und deaktivieren', en: 'Edit, enable and disable workflows' },
  'automation.workflows:delete': { de: 'Workflows löschen und wiederherstellen', en: 'Delete and restore workflows' },
  'automation.runs:read': { de: 'Workflow-Läufe und versandte E-Mails ansehen', en: 'View workflow runs and sent e-mails' },
  'automation.runs:manage': { de: 'Workflow-Läufe wiederholen und abbrechen', en: 'Retry and cancel workflow runs' },
  'automation.forms:read': { de: 'Formulare und ihre Einsendungen ansehen', en: 'View forms and their submissions' },
  'automation.forms:create': { de: 'Formulare anlegen', en: 'Create forms' },
  'automation.forms:update': { de: 'Formulare bearbeiten', en: 'Edit forms' },
  'automation.forms:delete': { de: 'Formulare löschen und wiederherstellen', en: 'Delete and restore forms' },
});

export type AutomationPermission = (typeof automationPermissions.keys)[number];
