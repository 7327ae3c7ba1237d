import { definePermissions } from '@libs/auth';

/** The auth context's permissions; registered in src/permissions.catalogue.ts. */
export const authPermissions = definePermissions('auth', {
  'auth.profile:read': { de: 'Eigenes Profil und eigene Berechtigungen ansehen', en: 'View own profile and permissions' },
  'auth.profile:update': { de: 'Eigenes Profil und Passwort ändern', en: 'Change own profile and password' },
  'auth.users:read': { de: 'Benutzer und ihre Rollen ansehen', en: 'View users and their roles' },
  'auth.users:create': { de: 'Benutzer anlegen', en: 'Create users' },
  'auth.users:update': { de: 'Benutzer bearbeiten', en: 'Edit users' },
  'auth.users:deactivate': { de: 'Benutzer deaktivieren und reaktivieren', en: 'Deactivate and reactivate users' },
  'auth.users:reset-password': { de: 'Passwörter von Benutzern zurücksetzen', en: "Reset users' passwords" },
  'auth.user-roles:assign': { de: 'Benutzern Rollen zuweisen und entziehen', en: 'Assign roles to users and remove them' },
  'auth.departments:read': { de: 'Abteilungen ansehen', en: 'View departments' },
  'auth.departments:create': { de: 'Abteilungen anlegen', en: 'Create departments' },
  'auth.departments:update': { de: 'Abteilungen bearbeiten', en: 'Edit departments' },
  'auth.departments:delete': { de: 'Abteilungen löschen', en: 'Delete departments' },
  'auth.roles:read': { de: 'Rollen und Berechtigungen ansehen', en: 'View roles and permissions' },
  'auth.roles:create': { de: 'Rollen anlegen', en: 'Create roles' },
  'auth.roles:update': { de: 'Rollen und ihre Berechtigungen bearbeiten', en: 'Edit roles and their permissions' },
  'auth.roles:delete': { de: 'Rollen löschen', en: 'Delete roles' },
});

export type AuthPermission = (typeof authPermissions.keys)[number];

/**
 * Held by every active, signed-in user without any role: reading and editing one's own profile
 * (GET/PATCH /auth/me). The guard adds them to the grants from roles.
 */
export const BASELINE_GRANTS = { 'auth.profile:read': 'own', 'auth.profile:update': 'own' } as const;
