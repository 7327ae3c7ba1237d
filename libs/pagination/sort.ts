import type { SQLWrapper } from 'drizzle-orm';
import { AppError } from '@libs/http';

export type SortDirection = 'asc' | 'desc';

/**
 * One sortable field of a list: a NOT NULL expression (a column or e.g. `lower(name)`) with an
 * index whose leading part it is, and how its value travels in a cursor. Nullable expressions
 * are not sortable: keyset comparisons with NULL silently drop rows.
 */
export interface SortField {
  expression: SQLWrapper;
  /** `timestamp` values travel as ISO text with microseconds (JS dates would lose them). */
  type: 'timestamp' | 'text' | 'number';
}

/** The sorts a list offers: field name → definition, the unique tie-breaker (the id) and the default. */
export interface ListSortSpec<F extends string = string> {
  fields: Readonly<Record<F, SortField>>;
  /** A unique, NOT NULL column that makes the order total: the primary key. */
  tieBreaker: SQLWrapper;
  /** `-createdAt`: newest first. */
  defaultSort: SortValue<F>;
}

/** `createdAt` ascending, `-createdAt` descending (the JSON:API convention). */
export type SortValue<F extends string = string> = F | `-${F}`;

export interface ParsedSort<F extends string = string> {
  /** The value as given (`-createdAt`): cursors remember it, so a cursor of another sort is rejected. */
  value: SortValue<F>;
  field: F;
  direction: SortDirection;
}

export const INVALID_SORT = 'PAGINATION_INVALID_SORT';

/** Every accepted `sort` value of a spec, for the DTO's `@IsIn` and the OpenAPI enum. */
export function sortValues<F extends string>(fields: readonly F[]): SortValue<F>[] {
  return fields.flatMap((field) => [field, `-${field}` as const]);
}

/** Parses a `sort` value against the whitelist (the DTO validated it already; this is the backstop). */
export function parseSort<F extends string>(spec: ListSortSpec<F>, value: string | undefined): ParsedSort<F> {
  const raw = value ?? spec.defaultSort;
  const direction: SortDirection = raw.startsWith('-') ? 'desc' : 'asc';
  const field = (direction === 'desc' ? raw.slice(1) : raw) as F;
  if (!Object.hasOwn(spec.fields, field)) {
    const allowed = sortValues(Object.keys(spec.fields) as F[]).join(', ');
    throw AppError.validation([{ path: 'sort', message: `sort must be one of: ${allowed}` }]);
  }
  return { value: raw as SortValue<F>, field, direction };
}
