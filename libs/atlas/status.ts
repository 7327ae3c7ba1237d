import { assertValidDir } from './hash-file';
import { describeDirFiles } from './migration-dir';
import { AtlasLogger } from './logger';
import { computePending } from './pending';
import { openClient } from './pg-connection';
import { DEFAULT_REVISIONS_SCHEMA, readRevisions, revisionsTableExists } from './revisions';

export interface MigrationStatus {
  /** OK: nothing to do; PENDING: files to apply; PARTIAL: the last file stopped midway. */
  status: 'OK' | 'PENDING' | 'PARTIAL';
  currentVersion: string | null;
  nextVersion: string | null;
  pending: string[];
  appliedCount: number;
  lastError?: { version: string; error: string; statement: string; applied: number; total: number };
}

/** Read-only (no lock, creates nothing), like `atlas migrate status`. */
export async function migrationStatus(opts: {
  connectionString: string;
  dir: string;
  logger: AtlasLogger;
  revisionsSchema?: string;
}): Promise<MigrationStatus> {
  const revisionsSchema = opts.revisionsSchema ?? DEFAULT_REVISIONS_SCHEMA;
  const { files, entries } = await assertValidDir(opts.dir);
  const dirFiles = describeDirFiles(files, entries);
  const client = await openClient(opts.connectionString, opts.logger, 'renewa-atlas-status');
  try {
    const revisions = (await revisionsTableExists(client, revisionsSchema))
      ? await readRevisions(client, revisionsSchema)
      : [];
    const { pending } = computePending({ files: dirFiles, revisions, allowDirty: true });
    const last = revisions.at(-1);
    const partial = last !== undefined && last.applied !== last.total;
    return {
      status: partial ? 'PARTIAL' : pending.length > 0 ? 'PENDING' : 'OK',
      currentVersion: last?.version ?? null,
      nextVersion: pending[0]?.version ?? null,
      pending: pending.map((f) => f.name),
      appliedCount: revisions.length,
      lastError:
        last && last.error !== ''
          ? { version: last.version, error: last.error, statement: last.errorStmt, applied: last.applied, total: last.total }
          : undefined,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
