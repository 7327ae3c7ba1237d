import { AppError } from '@libs/http';
import { decodeCursor, encodeCursor, INVALID_CURSOR } from './cursor';
import { toPage } from './page';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('cursor', () => {
  it('round-trips a key of strings and numbers as URL-safe text', () => {
    const key = ['2026-11-26T04:28:55.123Z', 42, 'ä/+?=&'] as const;
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['string', 'number', 'string'])).toEqual([...key]);
  });

  it.each([
    ['not base64url', '***'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['another version', Buffer.from(JSON.stringify({ v: 2, k: [1] })).toString('base64url')],
    ['a key of another length', encodeCursor([1, 2])],
    ['a key of another type', encodeCursor(['1'])],
    ['a non-finite number', Buffer.from('{"v":1,"k":[1e999]}').toString('base64url')],
    ['an empty string', ''],
  ])('rejects %s with a 400 problem', (_case, cursor) => {
    const error = errorOf(() => decodeCursor(cursor, ['number']));
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe(INVALID_CURSOR);
  });
});

describe('toPage', () => {
  const rows = [{ n: 5 }, { n: 4 }, { n: 3 }];

  it('returns a cursor to the last item when the extra row shows there is more', () => {
    const page = toPage(rows, 2, (row) => [row.n], (row) => row.n);
    expect(page.items).toEqual([5, 4]);
    expect(decodeCursor(page.nextCursor as string, ['number'])).toEqual([4]);
  });

  it('returns no cursor on the last page', () => {
    expect(toPage(rows, 3, (row) => [row.n])).toEqual({ items: rows, nextCursor: null });
  });
});
