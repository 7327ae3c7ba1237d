import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@libs/db';

/** True when `error` violates the unique index or constraint `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === constraint;
}
