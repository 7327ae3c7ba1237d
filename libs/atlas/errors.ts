export type ChecksumErrorCode = 'checksum-not-found' | 'checksum-format' | 'checksum-mismatch';
export type ChecksumErrorReason = 'edited' | 'added' | 'removed';

export interface ChecksumErrorDetail {
  file: string;
  reason: ChecksumErrorReason;
  /** Line of atlas.sum (line 1 is the total). */
  line: number;
}

const REHASH_HINT =
  'If the change was intended, rehash the directory (make db-hash / atlas migrate hash); ' +
  'never edit a migration that was already applied somewhere.';

/** The migration directory does not match its atlas.sum (Atlas `migrate validate` semantics). */
export class AtlasChecksumError extends Error {
  override name = 'AtlasChecksumError';

  constructor(
    readonly code: ChecksumErrorCode,
    readonly dir: string,
    readonly detail?: ChecksumErrorDetail,
  ) {
    super(checksumMessage(code, dir, detail));
  }
}

function checksumMessage(code: ChecksumErrorCode, dir: string, detail?: ChecksumErrorDetail): string {
  switch (code) {
    case 'checksum-not-found':
      return `checksum file not found: ${dir} has migration files but no atlas.sum. ${REHASH_HINT}`;
    case 'checksum-format':
      return `checksum file format invalid: ${dir}/atlas.sum`;
    case 'checksum-mismatch':
      if (!detail) return `checksum mismatch: ${dir}/atlas.sum was edited by hand. ${REHASH_HINT}`;
      return (
        `checksum mismatch: You have a checksum error in your migration directory ${dir}. ` +
        `L${detail.line}: ${detail.file} was ${detail.reason}. ${REHASH_HINT}`
      );
  }
}

/** Another migrator (ours or the real Atlas) holds the advisory lock. */
export class AtlasLockError extends Error {
  override name = 'AtlasLockError';
}

/** A schema change drizzle-kit cannot decide without a human (rename vs. drop+add). */
export class ManualMigrationRequiredError extends Error {
  override name = 'ManualMigrationRequiredError';
}

/** The migration connection goes through a connection pooler (PgBouncer) instead of to PostgreSQL. */
export class PooledConnectionError extends Error {
  override name = 'PooledConnectionError';
}
