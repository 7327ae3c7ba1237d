import { uuid } from 'drizzle-orm/pg-core';
import { buildings } from '../buildings/buildings.schema';
import { projects } from '../projects/projects.schema';

/**
 * The columns of a row that belongs to a building of a project (a component, a plant item, a
 * scenario, a measure): `project_id` is the building's project, kept on the row for the scope
 * condition (a building never changes project).
 */
export function projectPartColumns() {
  return {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id, { onDelete: 'restrict' }),
  };
}
