import { isForeignKeyViolation, pgErrorOf } from '@libs/db';
import { CrmErrors } from '../crm.errors';

/** Client-set foreign keys of a table: constraint name → the request field and what it must name. */
export type ReferenceMap = Readonly<Record<string, { path: string; what: string }>>;

/**
 * Runs a write and turns a violated client-set foreign key into a 422 naming the field
 * (`assigneeId must reference an existing user`); anything else is rethrown.
 */
export async function mapReferenceErrors<T>(references: ReferenceMap, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = pgErrorOf(error)?.constraint;
    if (isForeignKeyViolation(error) && constraint && Object.hasOwn(references, constraint)) {
      const { path, what } = references[constraint];
      throw CrmErrors.referenceNotFound(path, what);
    }
    throw error;
  }
}
