import { index, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { auditColumns, id } from '@libs/db';
import { roles } from '../roles/roles.schema';
import { users } from '../users/users.schema';

const { createdAt, createdBy } = auditColumns();

/** Surrogate id, not a composite primary key: see role_permissions. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'restrict' }),
    createdAt,
    createdBy,
  },
  (t) => [unique('user_roles_user_id_role_id_key').on(t.userId, t.roleId), index('user_roles_role_id_idx').on(t.roleId)],
);
