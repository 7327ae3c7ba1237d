import { definePermissions } from '@libs/auth';

/**
 * The CRM context's permissions; registered in src/permissions.catalogue.ts. Scopes: `own` = rows
 * the user created or is assigned/owner of, `department` = their department's rows (and their own),
 * `all`. `:delete` covers soft delete, restore and listing deleted rows (`?deleted=include|only`).
 */
export const crmPermissions = definePermissions('crm', {
  'crm.leads:read': { de: 'Leads ansehen und exportieren', en: 'View and export leads' },
  'crm.leads:create': { de: 'Leads anlegen', en: 'Create leads' },
  'crm.leads:update': { de: 'Leads bearbeiten und ihren Status ändern', en: 'Edit leads and change their status' },
  'crm.leads:delete': { de: 'Leads löschen und wiederherstellen', en: 'Delete and restore leads' },
  'crm.leads:convert': { de: 'Leads in Kontakte und Firmen umwandeln', en: 'Convert leads into contacts and companies' },
  'crm.leads:import': { de: 'Leads aus CSV importieren', en: 'Import leads from CSV' },
  'crm.contacts:read': { de: 'Kontakte ansehen und exportieren', en: 'View and export contacts' },
  'crm.contacts:create': { de: 'Kontakte anlegen', en: 'Create contacts' },
  'crm.contacts:update': { de: 'Kontakte bearbeiten', en: 'Edit contacts' },
  'crm.contacts:delete': { de: 'Kontakte löschen und wiederherstellen', en: 'Delete and restore contacts' },
  'crm.contacts:merge': { de: 'Doppelte Kontakte zusammenführen', en: 'Merge duplicate contacts' },
  'crm.companies:read': { de: 'Firmen ansehen und exportieren', en: 'View and export companies' },
  'crm.companies:create': { de: 'Firmen anlegen', en: 'Create companies' },
  'crm.companies:update': { de: 'Firmen bearbeiten', en: 'Edit companies' },
  'crm.companies:delete': { de: 'Firmen löschen und wiederherstellen', en: 'Delete and restore companies' },
  'crm.activities:read': { de: 'Aktivitäten und Zeitleisten ansehen', en: 'View activities and timelines' },
  'crm.activities:create': { de: 'Notizen, Anrufe, E-Mails und Termine erfassen', en: 'Record notes, calls, e-mails and meetings' },
  'crm.activities:update': { de: 'Aktivitäten bearbeiten', en: 'Edit activities' },
  'crm.activities:delete': { de: 'Aktivitäten löschen und wiederherstellen', en: 'Delete and restore activities' },
});

export type CrmPermission = (typeof crmPermissions.keys)[number];
