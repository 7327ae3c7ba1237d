import { currentGrant, currentScope, Scope } from '@libs/auth';
import type { DeletedFilter } from '@libs/pagination';

/**
 * Which rows a read may return: live rows within `live`, soft-deleted rows within `deleted`.
 * Either may be absent (no live rows / no deleted rows). A plain `Scope` means live rows only.
 */
export interface Visibility {
  live?: Scope;
  deleted?: Scope;
}

export function asVisibility(visibility: Scope | Visibility): Visibility {
  return typeof visibility === 'string' ? { live: visibility } : visibility;
}

/** The permissions of a resource: `<ctx>.<resource>:<action>`. `delete` also covers restore and reading deleted rows. */
export interface ResourcePermissions {
  read: string;
  create?: string;
  update?: string;
  delete?: string;
}

/** The four permissions of a resource with soft delete: `resourcePermissions('crm.companies')` → `crm.companies:read`, … */
export function resourcePermissions(prefix: string): Required<ResourcePermissions> {
  return { read: `${prefix}:read`, create: `${prefix}:create`, update: `${prefix}:update`, delete: `${prefix}:delete` };
}

/**
 * A list's visibility for `?deleted=`: live rows in the read scope; deleted rows (`include`,
 * `only`) need the delete permission and are seen within ITS scope — who may restore rows may
 * see them, and no further. 403 without the permissions needed.
 */
export function listVisibility(permissions: ResourcePermissions, deleted: DeletedFilter = 'exclude'): Visibility {
  const live = currentScope(permissions.read);
  if (deleted === 'exclude') return { live };
  const deletedScope = currentScope(requireDelete(permissions));
  return deleted === 'only' ? { deleted: deletedScope } : { live, deleted: deletedScope };
}

/** A read by id: the live row in the read scope, or a deleted one within the delete scope when the actor holds it. */
export function readVisibility(permissions: ResourcePermissions): Visibility {
  const live = currentScope(permissions.read);
  const deleted = permissions.delete ? currentGrant(permissions.delete) : undefined;
  return { live, deleted };
}

function requireDelete(permissions: ResourcePermissions): string {
  if (!permissions.delete) throw new Error(`resource with read permission ${permissions.read} declares no delete permission`);
  return permissions.delete;
}
