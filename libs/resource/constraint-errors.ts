import { isForeignKeyViolation, PG_UNIQUE_VIOLATION, pgErrorOf } from '@libs/db';
import { AppError } from '@libs/http';

export const REFERENCE_NOT_FOUND = 'REFERENCE_NOT_FOUND';

/**
 * What a violated constraint of a table means to a client, by constraint name:
 * - a client-set foreign key: `{ path, what }` → 422 REFERENCE_NOT_FOUND naming the field
 *   (`assigneeId must reference an existing user`);
 * - a unique constraint or index: a factory for the problem (e.g. a 409 "e-mail taken").
 */
export type ConstraintErrors = Readonly<Record<string, { path: string; what: string } | (() => AppError)>>;

export function referenceNotFound(path: string, what: string): AppError {
  return AppError.unprocessable(REFERENCE_NOT_FOUND, `The ${what} does not exist or is not visible to you.`, [
    { path, message: `${path} must reference an existing ${what}` },
  ]);
}

/**
 * Runs a write and turns a violation of a listed foreign key or unique constraint into its
 * problem; any other error (including violations of unlisted constraints: a bug) is rethrown.
 */
export async function mapConstraintErrors<T>(errors: ConstraintErrors, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const problem = constraintProblem(errors, error);
    if (problem) throw problem;
    throw error;
  }
}

/** The problem a listed constraint's violation maps to, or undefined. */
export function constraintProblem(errors: ConstraintErrors, error: unknown): AppError | undefined {
  const pg = pgErrorOf(error);
  if (!pg?.constraint || !Object.hasOwn(errors, pg.constraint)) return undefined;
  const mapping = errors[pg.constraint];
  if (typeof mapping === 'function') return pg.code === PG_UNIQUE_VIOLATION ? mapping() : undefined;
  return isForeignKeyViolation(error) ? referenceNotFound(mapping.path, mapping.what) : undefined;
}

/**
 * The client-set foreign keys of a table as drizzle names their constraints
 * (`<table>_<column>_<referenced table>_id_fk`): request field → referenced table.
 *
 *   referenceConstraints('activities', { leadId: 'leads', ownerId: 'users' })
 *   // activities_lead_id_leads_id_fk → 422 "leadId must reference an existing lead"
 */
export function referenceConstraints(table: string, references: Readonly<Record<string, string>>): ConstraintErrors {
  return Object.fromEntries(
    Object.entries(references).map(([field, referenced]) => {
      const column = field.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
      const what = referenced.replace(/ies$/, 'y').replace(/s$/, '').replace(/_/g, ' ');
      return [`${table}_${column}_${referenced}_id_fk`, { path: field, what }];
    }),
  );
}

/** The foreign keys of the ownership columns (`ownerId`, `departmentId`, see auth's ownership.schema.ts). */
export function ownershipConstraints(table: string): ConstraintErrors {
  return referenceConstraints(table, { ownerId: 'users', departmentId: 'departments' });
}
