export { applyMigrations, MigrationExecutionError, notCleanReason } from './applier';
export type { AppliedFile, ApplyOptions, ApplySummary } from './applier';
export {
  directive, fileDescription, fileDirectives, fileTxMode, fileVersion, hasSumIgnore, headerComments, isCheckpoint,
} from './directives';
export type { TxMode } from './directives';
export { AtlasChecksumError, AtlasLockError, ManualMigrationRequiredError, PooledConnectionError } from './errors';
export type { ChecksumErrorCode, ChecksumErrorDetail, ChecksumErrorReason } from './errors';
export { formatVersion, generateMigration, nextVersion, renderMigration } from './generator';
export type { GenerateOptions, GenerateResult } from './generator';
export {
  assertValidDir, computeHashEntries, diffHashEntries, hashDir, hashTotal, parseHashFile, serializeHashFile, validateDir,
  writeSumFile,
} from './hash-file';
export type { DirValidation, HashEntry } from './hash-file';
export { ATLAS_APPLY_LOCK_KEY, acquireAdvisoryLock, fnv1_32, releaseAdvisoryLock } from './lock';
export { silentLogger } from './logger';
export type { AtlasLogger } from './logger';
export { compareNames, readMigrationFiles, SUM_FILE } from './migration-dir';
export type { MigrationFile } from './migration-dir';
export { computePending, PendingError } from './pending';
export { CLOUD_IDENTIFIER_VERSION, DEFAULT_REVISIONS_SCHEMA, readRevisions, REVISIONS_TABLE, RevisionType } from './revisions';
export type { Revision } from './revisions';
export { scanStatements, ScanError, splitStatements } from './scanner';
export type { ScannedStatement } from './scanner';
export { diffClientAgainstSchema, diffDatabaseAgainstSchema, MANUAL_STEP_HINT, replayMigrationDir } from './schema-diff';
export type { LoadSchema, SchemaDiff } from './schema-diff';
export { statementHashes } from './statement-hashes';
export { migrationStatus } from './status';
export type { MigrationStatus } from './status';
