import type { LocalizedText } from '@libs/shared';
import type { PermissionCatalogue, Scope } from '@libs/auth';
import { PERMISSIONS } from '../../../permissions.catalogue';
import { BASELINE_GRANTS } from '../auth.permissions';

export const STANDARD_ROLE_KEYS = ['admin', 'manager', 'sales', 'energy_consultant', 'accountant', 'back_office', 'read_only'] as const;
export type StandardRoleKey = (typeof STANDARD_ROLE_KEYS)[number];

export interface StandardRole {
  key: StandardRoleKey;
  name: LocalizedText;
}

export const STANDARD_ROLES: readonly StandardRole[] = [
  { key: 'admin', name: { de: 'Administration', en: 'Administrator' } },
  { key: 'manager', name: { de: 'Teamleitung', en: 'Manager' } },
  { key: 'sales', name: { de: 'Vertrieb', en: 'Sales' } },
  { key: 'energy_consultant', name: { de: 'Energieberatung', en: 'Energy consultant' } },
  { key: 'accountant', name: { de: 'Buchhaltung', en: 'Accountant' } },
  { key: 'back_office', name: { de: 'Innendienst', en: 'Back office' } },
  { key: 'read_only', name: { de: 'Nur lesen', en: 'Read only' } },
];

/**
 * The explicit part of the standard matrix. `admin` holds every permission with scope `all` and
 * `read_only` every `:read` permission with scope `all`; both follow the catalogue automatically.
 * A context that adds permissions adds its rows here (and a seed, see README "Permissions").
 */
const EXPLICIT_GRANTS: Record<Exclude<StandardRoleKey, 'admin' | 'read_only'>, Readonly<Record<string, Scope>>> = {
  manager: {
    'auth.users:read': 'department',
    'auth.users:create': 'department',
    'auth.users:update': 'department',
    'auth.users:deactivate': 'department',
    'auth.users:reset-password': 'department',
    'auth.user-roles:assign': 'department',
    'auth.departments:read': 'all',
    'auth.roles:read': 'all',
    'crm.leads:read': 'department',
    'crm.leads:create': 'department',
    'crm.leads:update': 'department',
    'crm.leads:delete': 'department',
    'crm.leads:convert': 'department',
    'crm.leads:import': 'department',
    'crm.contacts:read': 'department',
    'crm.contacts:create': 'department',
    'crm.contacts:update': 'department',
    'crm.contacts:delete': 'department',
    'crm.contacts:merge': 'department',
    'crm.companies:read': 'department',
    'crm.companies:create': 'department',
    'crm.companies:update': 'department',
    'crm.companies:delete': 'department',
    'crm.activities:read': 'department',
    'crm.activities:create': 'department',
    'crm.activities:update': 'department',
    'crm.activities:delete': 'department',
    'automation.workflows:read': 'all',
    'automation.workflows:create': 'all',
    'automation.workflows:update': 'all',
    'automation.runs:read': 'all',
    'automation.runs:manage': 'all',
    'automation.forms:read': 'all',
    'automation.forms:update': 'all',
    'projects.projects:read': 'department',
    'projects.projects:create': 'department',
    'projects.projects:update': 'department',
    'projects.projects:delete': 'department',
    'projects.buildings:read': 'department',
    'projects.buildings:create': 'department',
    'projects.buildings:update': 'department',
    'projects.buildings:delete': 'department',
    'projects.scenarios:read': 'department',
    'projects.scenarios:create': 'department',
    'projects.scenarios:update': 'department',
    'projects.scenarios:delete': 'department',
    'projects.scenarios:present': 'department',
    'projects.materials:read': 'all',
    'projects.materials:create': 'all',
    'projects.materials:update': 'all',
    'projects.materials:delete': 'all',
    'projects.reference-data:read': 'all',
    'documents.documents:read': 'department',
    'documents.documents:create': 'department',
    'documents.documents:update': 'department',
    'documents.documents:delete': 'department',
    'documents.templates:read': 'all',
    'documents.templates:update': 'all',
  },
  sales: {
    'auth.users:read': 'department',
    'auth.departments:read': 'all',
    'crm.leads:read': 'department',
    'crm.leads:create': 'department',
    'crm.leads:update': 'department',
    'crm.leads:delete': 'own',
    'crm.leads:convert': 'department',
    'crm.contacts:read': 'department',
    'crm.contacts:create': 'department',
    'crm.contacts:update': 'department',
    'crm.companies:read': 'department',
    'crm.companies:create': 'department',
    'crm.companies:update': 'department',
    'crm.activities:read': 'department',
    'crm.activities:create': 'department',
    'crm.activities:update': 'own',
    'crm.activities:delete': 'own',
    'automation.workflows:read': 'all',
    'automation.forms:read': 'all',
    'projects.projects:read': 'department',
    'projects.buildings:read': 'department',
    'projects.scenarios:read': 'department',
    'projects.materials:read': 'all',
    'projects.reference-data:read': 'all',
    'documents.documents:read': 'own',
    'documents.documents:create': 'own',
    'documents.documents:update': 'own',
    'documents.documents:delete': 'own',
    'documents.templates:read': 'all',
  },
  energy_consultant: {
    'auth.users:read': 'department',
    'auth.departments:read': 'all',
    'crm.leads:read': 'department',
    'crm.contacts:read': 'department',
    'crm.contacts:update': 'own',
    'crm.companies:read': 'department',
    'crm.activities:read': 'department',
    'crm.activities:create': 'department',
    'crm.activities:update': 'own',
    'crm.activities:delete': 'own',
    'projects.projects:read': 'department',
    'projects.projects:create': 'department',
    'projects.projects:update': 'own',
    'projects.projects:delete': 'own',
    'projects.buildings:read': 'department',
    'projects.buildings:create': 'own',
    'projects.buildings:update': 'own',
    'projects.buildings:delete': 'own',
    'projects.scenarios:read': 'department',
    'projects.scenarios:create': 'own',
    'projects.scenarios:update': 'own',
    'projects.scenarios:delete': 'own',
    'projects.scenarios:present': 'own',
    'projects.materials:read': 'all',
    'projects.materials:create': 'all',
    'projects.materials:update': 'all',
    'projects.reference-data:read': 'all',
    'documents.documents:read': 'department',
    'documents.documents:create': 'department',
    'documents.documents:update': 'department',
    'documents.documents:delete': 'own',
    'documents.templates:read': 'all',
  },
  accountant: {
    'auth.users:read': 'all',
    'auth.departments:read': 'all',
    'crm.contacts:read': 'all',
    'crm.companies:read': 'all',
    'documents.documents:read': 'all',
    'documents.documents:create': 'all',
    'documents.templates:read': 'all',
  },
  back_office: {
    'auth.users:read': 'all',
    'auth.departments:read': 'all',
    'auth.roles:read': 'all',
    'crm.leads:read': 'all',
    'crm.leads:create': 'all',
    'crm.leads:update': 'all',
    'crm.leads:delete': 'all',
    'crm.leads:import': 'all',
    'crm.contacts:read': 'all',
    'crm.contacts:create': 'all',
    'crm.contacts:update': 'all',
    'crm.contacts:delete': 'all',
    'crm.contacts:merge': 'all',
    'crm.companies:read': 'all',
    'crm.companies:create': 'all',
    'crm.companies:update': 'all',
    'crm.companies:delete': 'all',
    'crm.activities:read': 'all',
    'crm.activities:create': 'all',
    'crm.activities:update': 'own',
    'automation.workflows:read': 'all',
    'automation.workflows:create': 'all',
    'automation.workflows:update': 'all',
    'automation.workflows:delete': 'all',
    'automation.runs:read': 'all',
    'automation.runs:manage': 'all',
    'automation.forms:read': 'all',
    'automation.forms:create': 'all',
    'automation.forms:update': 'all',
    'automation.forms:delete': 'all',
    'projects.projects:read': 'all',
    'projects.buildings:read': 'all',
    'projects.scenarios:read': 'all',
    'projects.materials:read': 'all',
    'projects.reference-data:read': 'all',
    'documents.documents:read': 'all',
    'documents.documents:create': 'all',
    'documents.documents:update': 'all',
    'documents.documents:delete': 'all',
    'documents.templates:read': 'all',
    'documents.templates:update': 'all',
  },
};

const isBaseline = (key: string) => Object.hasOwn(BASELINE_GRANTS, key);

/** permission → scope the standard role `role` grants, for the permissions in `catalogue`. */
export function standardRoleGrants(role: StandardRoleKey, catalogue: PermissionCatalogue = PERMISSIONS): Record<string, Scope> {
  const keys = catalogue.keys.filter((key) => !isBaseline(key));
  if (role === 'admin') return Object.fromEntries(keys.map((key) => [key, 'all' as const]));
  if (role === 'read_only') return Object.fromEntries(keys.filter((key) => key.endsWith(':read')).map((key) => [key, 'all' as const]));
  return { ...EXPLICIT_GRANTS[role] };
}

/** Permissions named in the explicit matrix that the catalogue does not declare (a test keeps this empty). */
export function unknownMatrixPermissions(catalogue: PermissionCatalogue = PERMISSIONS): string[] {
  return Object.values(EXPLICIT_GRANTS)
    .flatMap((grants) => Object.keys(grants))
    .filter((key) => !catalogue.has(key));
}
