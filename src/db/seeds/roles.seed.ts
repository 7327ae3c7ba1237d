import { STANDARD_ROLES, standardRoleGrants } from '../../modules/auth';
import { rolePermissions, roles } from '../schema';
import { Seed, seedUuid } from './seed-utils';

/**
 * The standard roles with the permission matrix of the catalogue at the time the seed runs
 * (docs/roles-and-permissions.md). Permissions added by later contexts reach existing databases
 * through `standardRoleGrantsSeed`.
 */
export const rolesSeed: Seed = {
  key: 'auth.standard-roles',
  description: `standard roles (${STANDARD_ROLES.map((r) => r.key).join(', ')}) and their permissions`,
  run: async ({ db }) => {
    await db
      .insert(roles)
      .values(STANDARD_ROLES.map((r) => ({ id: seedUuid('roles', r.key), key: r.key, name: r.name, isSystem: true })))
      .onConflictDoNothing();
    await insertStandardGrants(db, () => true);
  },
};

/**
 * For a context whose permissions arrive after `auth.standard-roles` ran somewhere: grants its
 * permissions to the standard roles per the matrix, leaving every other grant alone. One line in
 * SEEDS: `standardRoleGrantsSeed('crm')`.
 */
export function standardRoleGrantsSeed(context: string): Seed {
  return {
    key: `auth.standard-role-grants.${context}`,
    description: `standard roles: grants of the ${context} permissions`,
    run: ({ db }) => insertStandardGrants(db, (permission) => permission.startsWith(`${context}.`)),
  };
}

/**
 * Grants added to the matrix after a context's grants seed ran: a seed of their own, so databases
 * seeded before get them too (`include` picks them by role and permission; nothing else changes).
 */
export function addedStandardRoleGrantsSeed(key: string, description: string, include: (permission: string, roleKey: string) => boolean): Seed {
  return { key: `auth.standard-role-grants.${key}`, description: `standard roles: ${description}`, run: ({ db }) => insertStandardGrants(db, include) };
}

async function insertStandardGrants(db: Parameters<Seed['run']>[0]['db'], include: (permission: string, roleKey: string) => boolean): Promise<void> {
  const rows = STANDARD_ROLES.flatMap((role) =>
    Object.entries(standardRoleGrants(role.key))
      .filter(([permission]) => include(permission, role.key))
      .map(([permission, scope]) => ({ roleId: seedUuid('roles', role.key), permission, scope })),
  );
  if (rows.length > 0) await db.insert(rolePermissions).values(rows).onConflictDoNothing();
}
