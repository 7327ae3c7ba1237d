// `atlas migrate apply` for PostgreSQL without the atlas binary (docs: atlas-compat.md §5).
import type { ClientBase } from 'pg';
import { fileTxMode, TxMode } from './directives';
import { assertValidDir } from './hash-file';
import { ATLAS_APPLY_LOCK_KEY, acquireAdvisoryLock, releaseAdvisoryLock } from './lock';
import { AtlasLogger } from './logger';
import { describeDirFiles, DirFile } from './migration-dir';
import { computePending } from './pending';
import { openClient, scopeSchema } from './pg-connection';
import {
  DEFAULT_REVISIONS_SCHEMA, ensureRevisionsTable, readRevision, readRevisions, Revision, REVISIONS_TABLE,
  RevisionType, writeRevision,
} from './revisions';
import { splitStatements } from './scanner';
import { statementHashes } from './statement-hashes';

export interface ApplyOptions {
  connectionString: string;
  /** Migration directory (holding atlas.sum). */
  dir: string;
  lockTimeoutMs?: number;
  /** Written to `operator_version`, e.g. "renewa-migrate 1.4.0". */
  operatorVersion: string;
  logger: AtlasLogger;
  /** Apply at most this many pending files. */
  amount?: number;
  /** First run on a non-empty database: record this version as the baseline. */
  baseline?: string;
  /** First run on a non-empty database: apply everything anyway. */
  allowDirty?: boolean;
  revisionsSchema?: string;
}

export interface AppliedFile {
  name: string;
  version: string;
  description: string;
  statements: number;
  /** Statements skipped because a previous attempt had applied them (txmode none). */
  resumedAt: number;
  txMode: TxMode;
}

export interface ApplySummary {
  applied: AppliedFile[];
  baseline?: string;
  /** Last revision before this run (null on a fresh database). */
  fromVersion: string | null;
  /** Last revision after this run. */
  currentVersion: string | null;
}

export class MigrationExecutionError extends Error {
  override name = 'MigrationExecutionError';

  constructor(
    message: string,
    readonly file: string,
    readonly statement?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Why a first run must not proceed without baseline/allow-dirty, or undefined when clean. */
export async function notCleanReason(client: ClientBase, schema: string, revisionsSchema: string): Promise<string | undefined> {
  const res = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT (n.nspname = $2 AND c.relname = $3)
      ORDER BY c.relname LIMIT 1`,
    [schema, revisionsSchema, REVISIONS_TABLE],
  );
  return res.rows[0] ? `found table "${res.rows[0].relname}" in schema "${schema}"` : undefined;
}

interface PreparedFile extends DirFile {
  statements: string[];
  sums: string[];
  txMode: TxMode;
}

function prepare(f: DirFile): PreparedFile {
  let statements: string[];
  try {
    statements = splitStatements(f.text);
  } catch (err) {
    throw new MigrationExecutionError(`scanning statements from "${f.name}": ${(err as Error).message}`, f.name);
  }
  return { ...f, statements, sums: statementHashes(statements), txMode: fileTxMode(f.text, f.name) };
}

export async function applyMigrations(opts: ApplyOptions): Promise<ApplySummary> {
  const { logger, operatorVersion } = opts;
  const revisionsSchema = opts.revisionsSchema ?? DEFAULT_REVISIONS_SCHEMA;
  if (opts.amount !== undefined && !(Number.isInteger(opts.amount) && opts.amount > 0)) {
    throw new Error(`amount must be a positive integer, got ${opts.amount}`);
  }
  // A broken directory is refused before the database is touched.
  const { files, entries } = await assertValidDir(opts.dir);
  const dirFiles = describeDirFiles(files, entries);

  const client = await openClient(opts.connectionString, logger, 'renewa-atlas-migrate');
  let locked = false;
  try {
    await acquireAdvisoryLock(client, ATLAS_APPLY_LOCK_KEY, opts.lockTimeoutMs ?? 10_000);
    locked = true;
    await ensureRevisionsTable(client, revisionsSchema);
    const revisions = await readRevisions(client, revisionsSchema);
    const fromVersion = revisions.at(-1)?.version ?? null;
    const needsCleanCheck = revisions.length === 0 && !opts.allowDirty && !opts.baseline;
    const { pending, baselineFile } = computePending({
      files: dirFiles,
      revisions,
      baseline: opts.baseline,
      allowDirty: opts.allowDirty,
      notCleanReason: needsCleanCheck
        ? await notCleanReason(client, scopeSchema(opts.connectionString), revisionsSchema)
        : undefined,
    });
    // Scan every file first: a file Atlas could not split is refused before anything runs.
    const todo = (opts.amount ? pending.slice(0, opts.amount) : pending).map(prepare);
    if (baselineFile) {
      await writeRevision(client, revisionsSchema, {
        version: baselineFile.version, description: baselineFile.description, type: RevisionType.baseline,
        applied: 0, total: 0, executedAt: new Date(), executionTimeNs: 0, error: '', errorStmt: '', hash: '',
        partialHashes: null, operatorVersion,
      });
      logger.info(`atlas: baseline set to version ${baselineFile.version}`);
    }
    const summary: ApplySummary = { applied: [], baseline: baselineFile?.version, fromVersion, currentVersion: fromVersion };
    if (todo.length === 0) {
      logger.info('atlas: no migration files to execute');
      summary.currentVersion = (await readRevisions(client, revisionsSchema)).at(-1)?.version ?? null;
      return summary;
    }
    logger.info(
      `atlas: migrating ${fromVersion ? `from version ${fromVersion} ` : ''}to version ${todo.at(-1)!.version} ` +
        `(${todo.length} migration${todo.length === 1 ? '' : 's'})`,
    );
    for (const f of todo) {
      summary.applied.push(await executeFile(client, revisionsSchema, f, operatorVersion, logger));
      summary.currentVersion = f.version;
    }
    logger.info(`atlas: applied ${todo.length} migration${todo.length === 1 ? '' : 's'}, now at version ${summary.currentVersion}`);
    return summary;
  } finally {
    try {
      if (locked) await releaseAdvisoryLock(client, ATLAS_APPLY_LOCK_KEY);
    } catch (err) {
      logger.warn(`atlas: releasing the migration lock failed: ${(err as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

async function executeFile(
  client: ClientBase,
  schema: string,
  f: PreparedFile,
  operatorVersion: string,
  logger: AtlasLogger,
): Promise<AppliedFile> {
  const inTx = f.txMode === 'file';
  if (inTx) await client.query('BEGIN');
  try {
    const resumedAt = await runFile(client, schema, f, operatorVersion, logger);
    if (inTx) await client.query('COMMIT');
    return { name: f.name, version: f.version, description: f.description, statements: f.statements.length, resumedAt, txMode: f.txMode };
  } catch (err) {
    // Rolls back the file's statements together with its revision row and error text.
    if (inTx) await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Atlas Executor.Execute; returns the number of statements a previous attempt had applied. */
async function runFile(
  client: ClientBase,
  schema: string,
  f: PreparedFile,
  operatorVersion: string,
  logger: AtlasLogger,
): Promise<number> {
  const started = process.hrtime.bigint();
  const elapsedNs = () => Number(process.hrtime.bigint() - started);
  const r: Revision = (await readRevision(client, schema, f.version)) ?? {
    version: f.version, description: f.description, type: RevisionType.executed, applied: 0,
    total: f.statements.length, executedAt: new Date(), executionTimeNs: 0, error: '', errorStmt: '',
    hash: f.hash ?? '', partialHashes: null, operatorVersion,
  };
  r.operatorVersion = operatorVersion;
  const write = () => writeRevision(client, schema, r);
  await write();
  const resumedAt = r.applied;
  for (let i = 0; i < r.applied; i++) {
    const recorded = r.partialHashes?.[i];
    if (i >= f.sums.length || recorded === undefined || f.sums[i] !== recorded.replace(/^h1:/, '')) {
      throw new MigrationExecutionError(`history changed: statement ${i + 1} from file "${f.name}" changed`, f.name);
    }
  }
  logger.info(
    `atlas: -> ${f.name} (${f.statements.length} statement${f.statements.length === 1 ? '' : 's'}` +
      `${resumedAt > 0 ? `, resuming after ${resumedAt}` : ''}${f.txMode === 'none' ? ', txmode none' : ''})`,
  );
  for (const stmt of f.statements.slice(r.applied)) {
    try {
      await client.query(stmt);
    } catch (err) {
      const message = (err as Error).message;
      r.executionTimeNs = elapsedNs();
      r.error = message;
      r.errorStmt = stmt;
      // In a transaction the row is rolled back anyway (and the aborted transaction refuses writes).
      if (f.txMode === 'none') await write();
      throw new MigrationExecutionError(
        `executing statement ${JSON.stringify(stmt)} from version "${f.version}" (${f.name}): ${message}`,
        f.name,
        stmt,
        { cause: err },
      );
    }
    r.partialHashes = [...(r.partialHashes ?? []), `h1:${f.sums[r.applied]}`];
    r.applied++;
    r.error = '';
    r.errorStmt = '';
    await write();
  }
  r.partialHashes = null;
  r.executionTimeNs = elapsedNs();
  await write();
  return resumedAt;
}
