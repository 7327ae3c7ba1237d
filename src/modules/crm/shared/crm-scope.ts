import type { Scope } from '@libs/auth';
import { currentContext } from '@libs/context';
import { CrmErrors } from '../crm.errors';

/**
 * A scoped writer (`own` or `department`) may only put records into their own department (or none):
 * otherwise they could create rows they can no longer see, or move rows out of colleagues' reach.
 */
export function assertDepartmentInScope(scope: Scope, departmentId: string | null | undefined, actor = currentContext()): void {
  if (scope === 'all' || departmentId === undefined || departmentId === null) return;
  if (departmentId !== actor.actorDepartmentId) throw CrmErrors.outOfScope('departmentId');
}

/** The department a new record gets when the request names none: the creator's. */
export function defaultDepartment(departmentId: string | null | undefined, actor = currentContext()): string | null {
  return departmentId === undefined ? (actor.actorDepartmentId ?? null) : departmentId;
}
