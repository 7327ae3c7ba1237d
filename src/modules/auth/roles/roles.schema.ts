import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditColumns, id, localizedText, standardColumns } from '@libs/db';

export const permissionScope = pgEnum('permission_scope', ['own', 'department', 'all']);

export const roles = pgTable(
  'roles',
  {
    ...standardColumns(),
    /** Stable snake_case identifier (`energy_consultant`); unique among roles that are not deleted. */
    key: text('key').notNull(),
    name: localizedText('name').notNull(),
    /** Seeded roles: cannot be deleted, and their key never changes. */
    isSystem: boolean('is_system').notNull().default(false),
  },
  (t) => [uniqueIndex('roles_key_key').on(t.key).where(sql`${t.deletedAt} is null`)],
);

const { createdAt, createdBy } = auditColumns();

/**
 * The permissions a role grants, each with its scope. `permission` is a key of the code catalogue
 * (src/permissions.catalogue.ts), deliberately text rather than an enum: contexts add keys often.
 * A surrogate id rather than a composite primary key: drizzle-kit's introspection (pushSchema, used
 * by make db-generate and the drift test) cannot read composite primary keys.
 */
export const rolePermissions = pgTable(
  'role_permissions',
  {
    id: id(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
    scope: permissionScope('scope').notNull(),
    createdAt,
    createdBy,
  },
  (t) => [
    unique('role_permissions_role_id_permission_key').on(t.roleId, t.permission),
    index('role_permissions_permission_idx').on(t.permission),
  ],
);

export type Role = typeof roles.$inferSelect;
export type NewRole = typeof roles.$inferInsert;
