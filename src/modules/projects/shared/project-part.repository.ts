import { sql, SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { Scope, scopeCondition } from '@libs/auth';
import { CommonListFilters, ResourceRepository, ResourceTable } from '@libs/resource';
import { projects } from '../projects/projects.schema';

/** A project's scope columns: `own` = owner or creator, `department` = its department. */
export const PROJECT_SCOPE_COLUMNS = { ownerColumns: [projects.ownerId, projects.createdBy], departmentColumn: projects.departmentId };

/**
 * The WHERE of a row that belongs to a project (a building, component, system, scenario, measure,
 * snapshot): its project is live and within `scope`. Everything in a project has the project's
 * scope, so a consultant who owns a project may change what a colleague recorded in it.
 */
export function withinProject(projectId: AnyPgColumn, scope: Scope | undefined): SQL {
  if (!scope) return sql`false`;
  const condition = scopeCondition(scope, PROJECT_SCOPE_COLUMNS);
  return sql`exists (select 1 from ${projects} where ${projects.id} = ${projectId} and ${projects.deletedAt} is null${condition ? sql` and ${condition}` : sql``})`;
}

/** The kit's repository for a table whose rows belong to a project (`project_id`): the project's scope in every WHERE. */
export abstract class ProjectPartRepository<T extends ResourceTable & { projectId: AnyPgColumn }, F extends CommonListFilters> extends ResourceRepository<T, F> {
  override scopeCondition(scope: Scope | undefined): SQL {
    return withinProject(this.spec.table.projectId, scope);
  }
}
