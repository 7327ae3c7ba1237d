import { CursorValue, encodeCursor } from './cursor';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** The response shape of every list: `{ items, nextCursor }` (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only tells that another page
 * exists; the cursor is the key of the last row returned.
 */
export function toPage<R, T = R>(rows: readonly R[], limit: number, keyOf: (row: R) => readonly CursorValue[], map?: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const items = map ? pageRows.map(map) : (pageRows as unknown as T[]);
  return { items, nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null };
}
