import { AppError } from '@libs/http';
import { decodeCursor, INVALID_CURSOR } from '@libs/pagination';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lists ordered newest first by (created_at, id): the cursor is the last row's pair. */
export function createdAtCursor(row: { createdAt: Date; id: string }): [string, string] {
  return [row.createdAt.toISOString(), row.id];
}

export function parseCreatedAtCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = decodeCursor(cursor, ['string', 'string']);
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || !UUID.test(id)) {
    throw AppError.badRequest(INVALID_CURSOR, 'The cursor is malformed or belongs to another list; start again without it.');
  }
  return { createdAt, id };
}
