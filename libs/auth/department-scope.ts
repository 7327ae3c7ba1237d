import { currentContext } from '@libs/context';
import { AppError } from '@libs/http';
import type { Scope } from './scope';

export const OUT_OF_SCOPE = 'OUT_OF_SCOPE';

/**
 * A scoped writer (`own` or `department`) may only put records into their own department (or
 * none): otherwise they could create rows they can no longer see, or move rows out of colleagues'
 * reach. `path` names the request field in the 403.
 */
export function assertDepartmentInScope(scope: Scope, departmentId: string | null | undefined, path = 'departmentId', actor = currentContext()): void {
  if (scope === 'all' || departmentId === undefined || departmentId === null) return;
  if (departmentId !== actor.actorDepartmentId) {
    throw AppError.forbidden(OUT_OF_SCOPE, `Your permission's scope does not cover the ${path} you set (only your own department).`);
  }
}

/** The department a new record gets when the request names none: the creator's. */
export function defaultDepartment(departmentId: string | null | undefined, actor = currentContext()): string | null {
  return departmentId === undefined ? (actor.actorDepartmentId ?? null) : departmentId;
}
