// The Atlas revisions table (cmd/atlas/internal/migrate/ent/schema/revision.go).
// Atlas re-runs its Ent migration with "drop column" on every apply, so this table
// must stay exactly as Atlas defines it: never add columns or indexes here.
import type { ClientBase } from 'pg';

export const DEFAULT_REVISIONS_SCHEMA = 'atlas_schema_revisions';
export const REVISIONS_TABLE = 'atlas_schema_revisions';
/** Row written by Atlas Cloud reporting; it is not a migration. */
export const CLOUD_IDENTIFIER_VERSION = '.atlas_cloud_identifier';

export const RevisionType = { baseline: 1, executed: 2, resolved: 4 } as const;

export interface Revision {
  version: string;
  description: string;
  /** Bit flags: 1 baseline, 2 executed, 4 resolved. */
  type: number;
  applied: number;
  total: number;
  executedAt: Date;
  /** Go time.Duration, i.e. nanoseconds. */
  executionTimeNs: number;
  error: string;
  errorStmt: string;
  /** Per-file atlas.sum hash, without `h1:`. */
  hash: string;
  /** `h1:`-prefixed running statement hashes while incomplete; null once done. */
  partialHashes: string[] | null;
  operatorVersion: string;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function table(schema: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(REVISIONS_TABLE)}`;
}

const COLUMNS = [
  'version', 'description', 'type', 'applied', 'total', 'executed_at', 'execution_time',
  'error', 'error_stmt', 'hash', 'partial_hashes', 'operator_version',
] as const;

// Equivalent of what Ent's migration engine creates for Atlas' Revision schema on PostgreSQL.
function createTableSql(schema: string): string {
  return `CREATE TABLE ${table(schema)} (
  "version" character varying NOT NULL,
  "description" character varying NOT NULL,
  "type" bigint NOT NULL DEFAULT 2,
  "applied" bigint NOT NULL DEFAULT 0,
  "total" bigint NOT NULL DEFAULT 0,
  "executed_at" timestamp with time zone NOT NULL,
  "execution_time" bigint NOT NULL,
  "error" text NULL,
  "error_stmt" text NULL,
  "hash" character varying NOT NULL,
  "partial_hashes" jsonb NULL,
  "operator_version" character varying NOT NULL,
  PRIMARY KEY ("version")
)`;
}

export async function revisionsTableExists(client: ClientBase, schema: string): Promise<boolean> {
  const res = await client.query(
    `SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')`,
    [schema, REVISIONS_TABLE],
  );
  return res.rowCount === 1;
}

/**
 * Creates the schema and table if missing (checking first, so an existing setup needs
 * no CREATE privilege). An existing table lacking a column is reported, not altered.
 */
export async function ensureRevisionsTable(client: ClientBase, schema: string): Promise<void> {
  const ns = await client.query('SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1', [schema]);
  if (ns.rowCount === 0) await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  if (!(await revisionsTableExists(client, schema))) {
    await client.query(createTableSql(schema));
    return;
  }
  const cols = await client.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
    [schema, REVISIONS_TABLE],
  );
  const have = new Set(cols.rows.map((r) => r.column_name));
  const missing = COLUMNS.filter((c) => !have.has(c));
  if (missing.length > 0) {
    throw new Error(
      `revisions table ${schema}.${REVISIONS_TABLE} lacks column(s) ${missing.join(', ')}; ` +
        'it was created by an older Atlas: run a current `atlas migrate apply` once to upgrade it',
    );
  }
}

interface RevisionRow {
  version: string;
  description: string;
  type: string;
  applied: string;
  total: string;
  executed_at: Date;
  execution_time: string;
  error: string | null;
  error_stmt: string | null;
  hash: string;
  partial_hashes: string[] | null;
  operator_version: string;
}

function fromRow(r: RevisionRow): Revision {
  return {
    version: r.version,
    description: r.description,
    type: Number(r.type),
    applied: Number(r.applied),
    total: Number(r.total),
    executedAt: r.executed_at,
    executionTimeNs: Number(r.execution_time),
    error: r.error ?? '',
    errorStmt: r.error_stmt ?? '',
    hash: r.hash,
    partialHashes: Array.isArray(r.partial_hashes) ? r.partial_hashes : null,
    operatorVersion: r.operator_version,
  };
}

const SELECT = `SELECT ${COLUMNS.map(quoteIdent).join(', ')}`;

/** All revisions except the cloud identifier, ordered by version as Atlas reads them. */
export async function readRevisions(client: ClientBase, schema: string): Promise<Revision[]> {
  const res = await client.query<RevisionRow>(
    `${SELECT} FROM ${table(schema)} WHERE "version" <> $1 ORDER BY "version"`,
    [CLOUD_IDENTIFIER_VERSION],
  );
  return res.rows.map(fromRow);
}

export async function readRevision(client: ClientBase, schema: string, version: string): Promise<Revision | undefined> {
  const res = await client.query<RevisionRow>(`${SELECT} FROM ${table(schema)} WHERE "version" = $1`, [version]);
  return res.rows[0] ? fromRow(res.rows[0]) : undefined;
}

/** Upsert keyed on version; description and executed_at keep their first values (Ent immutable fields). */
export async function writeRevision(client: ClientBase, schema: string, r: Revision): Promise<void> {
  if (r.version === CLOUD_IDENTIFIER_VERSION) throw new Error('writing the revision-table identifier is not allowed');
  const updated = COLUMNS.filter((c) => c !== 'version' && c !== 'description' && c !== 'executed_at');
  await client.query(
    `INSERT INTO ${table(schema)} (${COLUMNS.map(quoteIdent).join(', ')})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)
     ON CONFLICT ("version") DO UPDATE SET ${updated.map((c) => `${quoteIdent(c)} = EXCLUDED.${quoteIdent(c)}`).join(', ')}`,
    [
      r.version, r.description, r.type, r.applied, r.total, r.executedAt, String(r.executionTimeNs),
      r.error, r.errorStmt, r.hash, JSON.stringify(r.partialHashes), r.operatorVersion,
    ],
  );
}
