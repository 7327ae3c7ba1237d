import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PgDialect } from 'drizzle-orm/pg-core';
import { AppError } from '@libs/http';
import { decodeCursor, encodeCursor } from './cursor';
import { keysetPage, keysetQuery } from './keyset';
import { buildSearchText, escapeLike, phonePrefix, searchFilter, searchKind, searchTerms } from '@libs/search';
import { ListSortSpec, parseSort, sortValues } from './sort';

const things = pgTable('things', {
  id: uuid('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  name: text('name').notNull(),
  searchText: text('search_text').notNull(),
  email: text('email'),
  phone: text('phone'),
});
const SPEC: ListSortSpec<'createdAt' | 'name'> = {
  fields: { createdAt: { expression: things.createdAt, type: 'timestamp' }, name: { expression: things.name, type: 'text' } },
  tieBreaker: things.id,
  defaultSort: '-createdAt',
};
const dialect = new PgDialect();
const render = (sql: Parameters<PgDialect['sqlToQuery']>[0]) => dialect.sqlToQuery(sql);
const ID = '0b6d3c0e-5a43-4a4f-9d5c-5c4f2e6d1a10';

function problemOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('sort whitelist', () => {
  it('offers each field both ways', () => {
    expect(sortValues(['createdAt', 'name'])).toEqual(['createdAt', '-createdAt', 'name', '-name']);
  });

  it('parses the default and explicit sorts', () => {
    expect(parseSort(SPEC, undefined)).toEqual({ value: '-createdAt', field: 'createdAt', direction: 'desc' });
    expect(parseSort(SPEC, 'name')).toEqual({ value: 'name', field: 'name', direction: 'asc' });
  });

  it('refuses a field outside the whitelist (no SQL from the client)', () => {
    expect(problemOf(() => parseSort(SPEC, '-password')).code).toBe('VALIDATION_FAILED');
    expect(problemOf(() => parseSort(SPEC, 'id; drop table things')).code).toBe('VALIDATION_FAILED');
  });
});

describe('keyset query', () => {
  it('orders by the sort key and the id, fetching one extra row', () => {
    const keyset = keysetQuery(SPEC, { limit: 50 });
    expect(keyset.after).toBeUndefined();
    expect(keyset.fetchLimit).toBe(51);
    expect(keyset.orderBy.map((o) => render(o).sql)).toEqual(['"things"."created_at" desc', '"things"."id" desc']);
  });

  it('continues after the cursor with a row comparison matching the direction', () => {
    const cursor = encodeCursor(['-createdAt', '2026-11-26T10:00:00.123456Z', ID]);
    const desc = render(keysetQuery(SPEC, { limit: 50, cursor }).after!);
    expect(desc.sql).toBe('("things"."created_at", "things"."id") < ($1::timestamptz, $2::uuid)');
    expect(desc.params).toEqual(['2026-11-26T10:00:00.123456Z', ID]);
    const asc = render(keysetQuery(SPEC, { limit: 50, sort: 'name', cursor: encodeCursor(['name', 'müller', ID]) }).after!);
    expect(asc.sql).toBe('("things"."name", "things"."id") > ($1, $2::uuid)');
  });

  it('selects timestamps as exact text (microseconds), not as JS dates', () => {
    expect(render(keysetQuery(SPEC, { limit: 1 }).sortKey).sql).toContain(`to_char("things"."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
  });

  it.each([
    ['made for another sort', encodeCursor(['name', 'x', ID])],
    ['with a malformed timestamp', encodeCursor(['-createdAt', '2026-11-26', ID])],
    ['with a malformed id', encodeCursor(['-createdAt', '2026-11-26T10:00:00.123456Z', 'nope'])],
    ['of another shape', encodeCursor([1, 2])],
  ])('refuses a cursor %s with 400', (_case, cursor) => {
    const error = problemOf(() => keysetQuery(SPEC, { limit: 10, cursor }));
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('PAGINATION_INVALID_CURSOR');
  });

  it('builds the page and the next cursor from the last row returned', () => {
    const keyset = keysetQuery(SPEC, { limit: 2 });
    const rows = [
      { id: 'a', sortKey: '2026-01-03T00:00:00.000000Z' },
      { id: 'b', sortKey: '2026-01-02T00:00:00.000000Z' },
      { id: 'c', sortKey: '2026-01-01T00:00:00.000000Z' },
    ];
    const page = keysetPage(rows, keyset, (row) => row.id);
    expect(page.items).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor!, ['string', 'string', 'string'])).toEqual(['-createdAt', '2026-01-02T00:00:00.000000Z', 'b']);
    expect(keysetPage(rows.slice(0, 2), keyset, (row) => row.id).nextCursor).toBeNull();
  });
});

describe('search', () => {
  it('builds search text like the query normalises it', () => {
    expect(buildSearchText(['Jürgen', 'WEISSMÜLLER', null, 'j.weiss@Example.org'], ['+49891234567'])).toBe('jürgen weissmüller j.weiss@example.org 49891234567');
    expect(buildSearchText(['Weiß'])).toBe('weiss');
  });

  it('tells e-mails, phone numbers and text apart', () => {
    expect(searchKind('anna@exa')).toBe('email');
    expect(searchKind('030 123 456')).toBe('phone');
    expect(searchKind('+49 (30) 123-456')).toBe('phone');
    expect(searchKind('Müller')).toBe('text');
    expect(searchKind('4711 Müller')).toBe('text');
    expect(searchTerms('0049 30 12').digits).toBe('493012');
  });

  it('turns a partial phone number into an E.164 prefix', () => {
    expect(phonePrefix('030 12')).toBe('+493012');
    expect(phonePrefix('+49 30 12')).toBe('+493012');
    expect(phonePrefix('0049 30 12')).toBe('+493012');
    expect(phonePrefix('0171 234')).toBe('+49171234');
  });

  it('matches e-mail and phone by prefix on their columns, text by substring, with wildcards escaped', () => {
    const columns = { text: things.searchText, emails: [things.email], phones: [things.phone] };
    expect(render(searchFilter(columns, 'Anna@Ex_')!)).toMatchObject({ sql: '"things"."email" like $1', params: ['anna@ex\\_%'] });
    expect(render(searchFilter(columns, '030 12')!).params).toEqual(['+493012%']);
    expect(render(searchFilter(columns, '50%')!)).toMatchObject({ sql: '"things"."search_text" like $1', params: ['%50\\%%'] });
    expect(searchFilter(columns, undefined)).toBeUndefined();
    expect(escapeLike('a\\b')).toBe('a\\\\b');
  });
});
