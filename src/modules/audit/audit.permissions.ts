import { definePermissions } from '@libs/auth';

/** The audit context's permissions; registered in src/permissions.catalogue.ts. */
export const auditPermissions = definePermissions('audit', {
  'audit.logs:read': { de: 'Audit-Protokoll ansehen', en: 'View the audit log' },
  'audit.logs:verify': { de: 'Hash-Kette des Audit-Protokolls prüfen', en: 'Verify the hash chain of the audit log' },
});

export type AuditPermission = (typeof auditPermissions.keys)[number];
