import { AnyPgColumn, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { localizedText, standardColumns, standardIndexes } from '@libs/db';

/** Organisational units (Vertrieb, Energieberatung, …); users belong to at most one. */
export const departments = pgTable(
  'departments',
  {
    ...standardColumns(),
    name: localizedText('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => departments.id, { onDelete: 'restrict' }),
  },
  // No index for the name order: a consultancy has tens of departments, and drizzle-kit cannot
  // introspect an index that mixes an expression and a column (endless drift).
  (t) => [...standardIndexes('departments', t), index('departments_parent_id_idx').on(t.parentId)],
);

export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;
