import { GrantRow, Scope, scopeCovers } from '@libs/auth';

export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,49}$/;
/** The seeded administrator role keeps every permission: editing it could lock everybody out. */
export const ADMIN_ROLE_KEY = 'admin';

/** Grants in `after` that `before` lacks or grants narrower: what an edit newly hands out. */
export function widenedGrants(before: readonly GrantRow[], after: readonly GrantRow[]): GrantRow[] {
  const held = new Map<string, Scope>(before.map((g) => [g.permission, g.scope]));
  return after.filter((g) => !scopeCovers(held.get(g.permission), g.scope));
}

export function duplicatePermissions(grants: readonly GrantRow[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { permission } of grants) (seen.has(permission) ? duplicates : seen).add(permission);
  return [...duplicates];
}

export function sortGrants(grants: readonly GrantRow[]): GrantRow[] {
  return [...grants].map(({ permission, scope }) => ({ permission, scope })).sort((a, b) => a.permission.localeCompare(b.permission));
}
