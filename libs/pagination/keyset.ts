import { SQL, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from './cursor';
import { Page } from './page';
import { ListSortSpec, ParsedSort, parseSort, SortField } from './sort';
import { AppError } from '@libs/http';
import { INVALID_CURSOR } from './cursor';

/** What a repository adds to its list query for keyset pagination. */
export interface KeysetQuery {
  /** `(sortKey, id) < (cursor)` (or `>` ascending); undefined on the first page. */
  after: SQL | undefined;
  /** `ORDER BY sortKey <dir>, id <dir>`. */
  orderBy: SQL[];
  /** Select it as `sortKey`: the value the next cursor is built from (exact, unlike a JS Date). */
  sortKey: SQL<string | number>;
  sort: ParsedSort;
  /** Fetch limit + 1: the extra row tells whether there is a next page. */
  fetchLimit: number;
  /** The decoded cursor behind `after` (null on the first page), for statements rendered once with placeholders. */
  cursor?: { key: string | number; id: string } | null;
}

export interface KeysetRequest {
  sort?: string;
  cursor?: string;
  limit: number;
}

/**
 * The ORDER BY, the cursor condition and the sort-key select of one list request. Cursors carry
 * the sort they were made for: `[sort, sortKey, id]`; one from another sort is a 400.
 *
 *   const keyset = keysetQuery(LEAD_SORTS, query);
 *   db.select({ ...getTableColumns(leads), sortKey: keyset.sortKey }).from(leads)
 *     .where(and(filters, keyset.after)).orderBy(...keyset.orderBy).limit(keyset.fetchLimit);
 *   return keysetPage(rows, keyset, toDto);
 */
export function keysetQuery<F extends string>(spec: ListSortSpec<F>, request: KeysetRequest): KeysetQuery {
  const sort = parseSort(spec, request.sort);
  const field = spec.fields[sort.field];
  const dir = sort.direction === 'desc' ? sql`desc` : sql`asc`;
  const orderBy = [sql`${field.expression} ${dir}`, sql`${spec.tieBreaker} ${dir}`];
  let after: SQL | undefined;
  let cursor: KeysetQuery['cursor'] = null;
  if (request.cursor) {
    const [sortValue, key, id] = decodeCursor(request.cursor, ['string', field.type === 'number' ? 'number' : 'string', 'string'] as const);
    if (sortValue !== sort.value || !UUID.test(id)) {
      throw AppError.badRequest(INVALID_CURSOR, 'The cursor belongs to another sort or list; start again without it.');
    }
    checkCursorKey(field, key);
    cursor = { key, id };
    after = keysetAfter(spec, sort, key, id);
  }
  return { after, orderBy, sortKey: sortKeyOf(field), sort, fetchLimit: request.limit + 1, cursor };
}

/** `(sortKey, id) < (key, id)` (`>` ascending); `key` and `id` are values or placeholders. */
export function keysetAfter<F extends string>(spec: ListSortSpec<F>, sort: ParsedSort<F>, key: unknown, id: unknown): SQL {
  const field = spec.fields[sort.field];
  const op = sort.direction === 'desc' ? sql`<` : sql`>`;
  const keyValue = field.type === 'timestamp' ? sql`${key}::timestamptz` : sql`${key}`;
  return sql`(${field.expression}, ${spec.tieBreaker}) ${op} (${keyValue}, ${id}::uuid)`;
}

/** The page of `rows` (fetched with `fetchLimit`, each with `sortKey` and `id`), mapped by `map`. */
export function keysetPage<R extends { sortKey: string | number; id: string }, T>(rows: readonly R[], keyset: KeysetQuery, map: (row: R) => T): Page<T> {
  const limit = keyset.fetchLimit - 1;
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor([keyset.sort.value, last.sortKey, last.id]) : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function sortKeyOf(field: SortField): SQL<string | number> {
  if (field.type === 'timestamp') {
    return sql<string>`to_char(${field.expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  }
  return sql<string | number>`${field.expression}`;
}

function checkCursorKey(field: SortField, key: string | number): void {
  if (field.type === 'timestamp' && (typeof key !== 'string' || !ISO_MICROS.test(key))) {
    throw AppError.badRequest(INVALID_CURSOR, 'The cursor is malformed or belongs to another list; start again without it.');
  }
}

/**
 * Every row of a list in keyset order, fetched `batchSize` at a time (exports): memory holds one
 * batch, and each batch is one indexed query, however deep.
 */
export async function* keysetBatches<F extends string, R extends { sortKey: string | number; id: string }>(
  spec: ListSortSpec<F>,
  sort: string | undefined,
  fetch: (keyset: KeysetQuery) => Promise<R[]>,
  batchSize = 1000,
): AsyncGenerator<R> {
  let cursor: string | undefined;
  do {
    const keyset = keysetQuery(spec, { sort, cursor, limit: batchSize });
    const page = keysetPage(await fetch(keyset), keyset, (row) => row);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
