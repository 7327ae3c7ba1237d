import { index, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn, IndexBuilder } from 'drizzle-orm/pg-core';
import { departments } from './departments/departments.schema';
import { users } from './users/users.schema';

/**
 * The columns of a record that belongs to a user and a department (the `own` and `department`
 * scopes look at them): any context's schema spreads them. Both are optional; deleting the user or
 * department is refused while records point at them.
 */
export function ownershipColumns() {
  return {
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'restrict' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
  };
}

/** Their indexes (foreign keys, list filters, scopes): `<table>_owner_id_idx`, `<table>_department_id_idx`. */
export function ownershipIndexes(table: string, t: { ownerId: AnyPgColumn; departmentId: AnyPgColumn }): IndexBuilder[] {
  return [index(`${table}_owner_id_idx`).on(t.ownerId), index(`${table}_department_id_idx`).on(t.departmentId)];
}
