import { AppError } from '@libs/http';

/** One component of a keyset: a sort column's value (dates as ISO strings, bigints as strings). */
export type CursorValue = string | number;
export type CursorShape = readonly ('string' | 'number')[];

const VERSION = 1;

export const INVALID_CURSOR = 'PAGINATION_INVALID_CURSOR';

/**
 * An opaque cursor for keyset pagination: the sort key of the last item of a page, as base64url
 * JSON. Opaque to clients (they only pass it back), not secret: it holds values they have seen.
 */
export function encodeCursor(key: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify({ v: VERSION, k: key }), 'utf8').toString('base64url');
}

export type CursorKey<S extends CursorShape> = { -readonly [I in keyof S]: S[I] extends 'number' ? number : string };

/** The key of `cursor`, checked against the expected shape; anything else is a 400 problem. */
export function decodeCursor<const S extends CursorShape>(cursor: string, shape: S): CursorKey<S> {
  const invalid = () => AppError.badRequest(INVALID_CURSOR, 'The cursor is malformed or belongs to another list; start again without it.');
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const key = (parsed as { v?: unknown; k?: unknown } | null)?.k;
  if ((parsed as { v?: unknown } | null)?.v !== VERSION || !Array.isArray(key) || key.length !== shape.length) throw invalid();
  const valid = key.every((value, i) =>
    shape[i] === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string' && value.length <= 256,
  );
  if (!valid) throw invalid();
  return key as CursorKey<S>;
}
