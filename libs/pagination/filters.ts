import { and, eq, gte, inArray, isNotNull, isNull, lt, SQL } from 'drizzle-orm';
import type { AnyColumn, SQLWrapper } from 'drizzle-orm';

/**
 * Typed list filters: each helper returns undefined when the filter is absent, so a repository
 * writes `and(eqFilter(t.status, q.status), rangeFilter(t.createdAt, q.createdFrom, q.createdTo), …)`
 * and drizzle's `and()` drops the undefined parts.
 */
export function eqFilter<T>(column: AnyColumn | SQLWrapper, value: T | undefined): SQL | undefined {
  return value === undefined || value === null ? undefined : eq(column as AnyColumn, value);
}

/** `column IN (…)` for repeated or comma-separated query values; empty or absent → no filter. */
export function inFilter<T>(column: AnyColumn | SQLWrapper, values: readonly T[] | undefined): SQL | undefined {
  if (!values || values.length === 0) return undefined;
  return values.length === 1 ? eq(column as AnyColumn, values[0]) : inArray(column as AnyColumn, values as T[]);
}

/** Half-open range `from <= column < to`, either end optional. */
export function rangeFilter<T>(column: AnyColumn | SQLWrapper, from: T | undefined, to: T | undefined): SQL | undefined {
  return and(from === undefined ? undefined : gte(column as AnyColumn, from), to === undefined ? undefined : lt(column as AnyColumn, to));
}

/** What `?deleted=` asks for: live rows (default), soft-deleted rows too, or only those. */
export type DeletedFilter = 'exclude' | 'include' | 'only';

export function deletedFilter(deletedAt: AnyColumn, mode: DeletedFilter = 'exclude'): SQL | undefined {
  if (mode === 'include') return undefined;
  return mode === 'only' ? isNotNull(deletedAt) : isNull(deletedAt);
}
