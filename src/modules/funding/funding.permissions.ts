import { definePermissions } from '@libs/auth';

/** The funding context's permissions; registered in src/permissions.catalogue.ts. */
export const fundingPermissions = definePermissions('funding', {
  'funding.programs:read': { de: 'Förderprogramme und Regelversionen ansehen', en: 'View funding programmes and rule versions' },
  'funding.programs:manage': { de: 'Neue Regelversionen von Förderprogrammen erfassen', en: 'Enter new rule versions of funding programmes' },
  'funding.calculations:read': { de: 'Förderberechnungen ansehen', en: 'View funding calculations' },
  'funding.calculations:create': { de: 'Förderung berechnen und Berechnungen speichern', en: 'Calculate funding and store calculations' },
  'funding.applications:read': { de: 'Förderanträge ansehen', en: 'View funding applications' },
  'funding.applications:create': { de: 'Förderanträge anlegen', en: 'Create funding applications' },
  'funding.applications:update': { de: 'Förderanträge bearbeiten und im Ablauf weiterführen', en: 'Edit funding applications and move them through the pipeline' },
  'funding.applications:delete': { de: 'Förderanträge löschen und wiederherstellen', en: 'Delete and restore funding applications' },
  'funding.contracts:read': { de: 'Verträge für die Vorhabenbeginn-Regel ansehen', en: 'View contracts for the start-of-project rule' },
  'funding.contracts:create': { de: 'Außerhalb geschlossene Verträge erfassen', en: 'Record contracts signed outside the system' },
});

export type FundingPermission = (typeof fundingPermissions.keys)[number];
