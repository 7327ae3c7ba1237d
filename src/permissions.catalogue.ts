import { createPermissionCatalogue, PermissionSet } from '@libs/auth';
import { authPermissions } from './modules/auth/auth.permissions';
import { auditPermissions } from './modules/audit/audit.permissions';
import { automationPermissions } from './modules/automation/automation.permissions';
import { crmPermissions } from './modules/crm/crm.permissions';
import { documentsPermissions } from './modules/documents/documents.permissions';
import { schedulingPermissions } from './modules/scheduling';
import { fundingPermissions } from './modules/funding/funding.permissions';
import { financePermissions } from './modules/finance/finance.permissions';
import { projectsPermissions } from './modules/projects/projects.permissions';
import { platformPermissions } from './events/events.permissions';

/**
 * Every context's permission declarations (`src/modules/<ctx>/<ctx>.permissions.ts`, made with
 * `definePermissions`). Registering a context is one line here; the catalogue rejects duplicates.
 */
export const PERMISSION_SETS: readonly PermissionSet[] = [
  authPermissions,
  auditPermissions,
  crmPermissions,
  projectsPermissions,
  platformPermissions,
  automationPermissions,
  documentsPermissions,
  schedulingPermissions,
  fundingPermissions,
  financePermissions,
];

export const PERMISSIONS = createPermissionCatalogue(PERMISSION_SETS);
