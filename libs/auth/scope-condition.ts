import { eq, or, sql, SQL, SQLWrapper } from 'drizzle-orm';
import { currentContext } from '@libs/context';
import type { Scope } from './scope';

export interface ScopeColumns {
  /** Columns naming the user a row belongs to (createdBy, assigneeId, …); `own` matches any of them. */
  ownerColumns: readonly SQLWrapper[];
  /** The department a row belongs to; without it, `department` falls back to `own`. */
  departmentColumn?: SQLWrapper;
}

export interface ScopeActor {
  actorId?: string | null;
  actorDepartmentId?: string | null;
}

const NOTHING = sql`false`;

/**
 * The WHERE condition that restricts a query to what `scope` lets the actor see; repositories put
 * it into the query itself (never filter after fetching, which breaks pagination and counts).
 * `all` → undefined (no restriction; `and()` drops it); no scope → matches nothing.
 * `department` includes the actor's own rows, so a wider scope never sees less.
 */
export function scopeCondition(scope: Scope | undefined, columns: ScopeColumns, actor: ScopeActor = currentContext()): SQL | undefined {
  if (scope === 'all') return undefined;
  if (!scope) return NOTHING;
  const own = actor.actorId ? or(...columns.ownerColumns.map((column) => eq(column, actor.actorId))) : undefined;
  if (scope === 'own' || !columns.departmentColumn || !actor.actorDepartmentId) return own ?? NOTHING;
  const department = eq(columns.departmentColumn, actor.actorDepartmentId);
  return own ? or(department, own) : department;
}
