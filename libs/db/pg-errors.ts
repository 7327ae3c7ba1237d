/** The PostgreSQL error behind `error` (drizzle wraps the driver's error in `cause`), if any. */
export function pgErrorOf(error: unknown): { code: string; constraint?: string } | undefined {
  for (let e = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

/** True when `error` violates the foreign key `constraint` (any foreign key without it). */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === PG_FOREIGN_KEY_VIOLATION && (constraint === undefined || pg.constraint === constraint);
}
