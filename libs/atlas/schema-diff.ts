// Diffing a live database against a Drizzle schema with drizzle-kit's pushSchema, plus
// replaying a migration directory statement by statement (no revisions table).
import type { Client } from 'pg';
import { assertValidDir } from './hash-file';
import { ManualMigrationRequiredError } from './errors';
import { introspectionDatabase } from './introspection';
import { AtlasLogger, silentLogger } from './logger';
import { describeDirFiles } from './migration-dir';
import { computePending } from './pending';
import { openClient } from './pg-connection';
import { DEFAULT_REVISIONS_SCHEMA } from './revisions';
import { splitStatements } from './scanner';

export type LoadSchema = () => Promise<Record<string, unknown>>;

export interface SchemaDiff {
  /** Statements without trailing `;`, in execution order. */
  statements: string[];
  /** drizzle-kit's data-loss notes plus our destructive-change notes, one line each. */
  warnings: string[];
  hasDataLoss: boolean;
}

type DrizzleKitApi = typeof import('drizzle-kit/api');

// drizzle-kit/api is ~3 MB: load it only when a diff is needed, never on the apply path.
function drizzleKit(): DrizzleKitApi {
  return require('drizzle-kit/api') as DrizzleKitApi;
}

type DrizzleJson = ReturnType<DrizzleKitApi['generateDrizzleJson']>;

/** pushSchema introspects only `public` unless told otherwise: include every schema the Drizzle code declares. */
export function schemaFiltersFor(imports: Record<string, unknown>, revisionsSchema = DEFAULT_REVISIONS_SCHEMA): string[] {
  return schemaNames(drizzleKit().generateDrizzleJson(imports), revisionsSchema);
}

function schemaNames(json: DrizzleJson, revisionsSchema: string): string[] {
  const names = new Set<string>(['public', ...Object.keys(json.schemas ?? {})]);
  for (const group of [json.tables, json.enums, json.sequences, json.views]) {
    for (const item of Object.values(group ?? {}) as Array<{ schema?: string }>) {
      if (item.schema) names.add(item.schema);
    }
  }
  names.delete(revisionsSchema);
  return [...names];
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

const DESTRUCTIVE: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^DROP SCHEMA\s+(\S+)/i, (m) => `drops schema ${m[1]}`],
  [/^DROP TABLE\s+(?:IF EXISTS\s+)?(\S+)/i, (m) => `drops table ${m[1]}`],
  [/^DROP (MATERIALIZED VIEW|VIEW|TYPE|SEQUENCE)\s+(?:IF EXISTS\s+)?(\S+)/i, (m) => `drops ${m[1].toLowerCase()} ${m[2]}`],
  [/^ALTER TABLE\s+(\S+)\s+DROP COLUMN\s+(?:IF EXISTS\s+)?(\S+)/i, (m) => `drops column ${m[2]} of table ${m[1]}`],
  [/^ALTER TABLE\s+(\S+)\s+ALTER COLUMN\s+(\S+)\s+SET DATA TYPE\s+(.+?);?$/is, (m) => `changes the type of column ${m[2]} of table ${m[1]} to ${m[3]}`],
];

function destructiveWarnings(statements: string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    for (const [re, describe] of DESTRUCTIVE) {
      const m = s.match(re);
      if (m) {
        out.push(`Destructive change: ${describe(m)}`);
        break;
      }
    }
  }
  return out;
}

/** Drizzle's prompts check process.stdout.isTTY; forcing it off makes an ambiguous change reject instead of waiting for input. */
async function withoutTty<T>(fn: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true, writable: true });
  // pushSchema draws a "Pulling schema from database" spinner on stdout; it is noise in logs and CI.
  const write = process.stdout.write;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    String(chunk).includes('Pulling schema') ? true : (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest)) as typeof write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
    if (own) Object.defineProperty(process.stdout, 'isTTY', own);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
  }
}

export const MANUAL_STEP_HINT =
  'Write this migration by hand: add atlas/migrations/<yyyymmddhhmmss>_<name>.sql (UTC time, newer than the last ' +
  'file) containing e.g. ALTER TABLE … RENAME COLUMN … TO …; then run `make db-hash` to update atlas.sum, and run ' +
  '`make db-generate` again for whatever else changed.';

/**
 * drizzle-kit 0.31 cannot introspect a composite primary key: pushSchema ends the process with
 * exit code 1 and no message once the database has one, so every later `make db-generate` and the
 * schema-drift test would die. Refused up front, with the way round it.
 */
export function assertNoCompositePrimaryKeys(json: DrizzleJson): void {
  const tables = Object.values(json.tables ?? {}) as Array<{ name: string; schema?: string; compositePrimaryKeys?: Record<string, unknown> }>;
  const offending = tables.filter((table) => Object.keys(table.compositePrimaryKeys ?? {}).length > 0).map((table) => (table.schema ? `${table.schema}.${table.name}` : table.name));
  if (offending.length > 0) {
    throw new ManualMigrationRequiredError(
      `Composite primary key on ${offending.join(', ')}: drizzle-kit cannot read one back from the database, which ` +
        'breaks every later diff. Give the table an id() primary key and a unique(...) constraint on the columns ' +
        '(as event_deliveries does).',
    );
  }
}

/** What it takes to bring the database connected through `client` to the Drizzle schema. */
export async function diffClientAgainstSchema(
  client: Client,
  imports: Record<string, unknown>,
  revisionsSchema = DEFAULT_REVISIONS_SCHEMA,
): Promise<SchemaDiff> {
  const kit = drizzleKit();
  const json = kit.generateDrizzleJson(imports);
  assertNoCompositePrimaryKeys(json);
  const filters = schemaNames(json, revisionsSchema);
  let result: Awaited<ReturnType<DrizzleKitApi['pushSchema']>>;
  try {
    result = await withoutTty(() => kit.pushSchema(imports, introspectionDatabase(client), filters));
  } catch (err) {
    if (/Interactive prompts require a TTY/.test((err as Error).message ?? '')) {
      throw new ManualMigrationRequiredError(
        'This schema change needs a decision drizzle-kit cannot make unattended: most likely a column, table or ' +
          'enum was renamed (it cannot tell a rename from drop + add), or a unique constraint is added to a table ' +
          `that has rows. ${MANUAL_STEP_HINT}`,
        { cause: err },
      );
    }
    throw err;
  }
  const warnings = result.warnings.map((w) => stripAnsi(w).replace(/^·\s*/, '').trim());
  const statements: string[] = [];
  for (const raw of result.statementsToExecute) {
    const s = raw.trim().replace(/;+$/, '').trimEnd();
    if (s === '') continue;
    // pushSchema clears tables with rows before some changes; a migration must never do that silently.
    if (/^truncate table\s/i.test(s)) {
      warnings.push(`drizzle-kit wanted to run "${s}"; existing rows need a manual data migration`);
      continue;
    }
    if (s.includes(`"${revisionsSchema}"`)) continue;
    statements.push(s);
  }
  warnings.push(...destructiveWarnings(statements));
  return { statements, warnings, hasDataLoss: result.hasDataLoss || warnings.length > 0 };
}

/** Statements needed to turn the database at `url` into the Drizzle schema ([] = in sync). */
export async function diffDatabaseAgainstSchema(url: string, loadSchema: LoadSchema): Promise<string[]> {
  const imports = await loadSchema();
  const client = await openClient(url, silentLogger, 'renewa-atlas-diff');
  try {
    return (await diffClientAgainstSchema(client, imports)).statements;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs the directory's files (from the last checkpoint, like Atlas on a fresh database)
 * statement by statement in autocommit mode, without any revisions table.
 */
export async function replayMigrationDir(opts: { connectionString: string; dir: string; logger?: AtlasLogger }): Promise<number> {
  const logger = opts.logger ?? silentLogger;
  const { files, entries } = await assertValidDir(opts.dir);
  const { pending } = computePending({ files: describeDirFiles(files, entries), revisions: [] });
  const client = await openClient(opts.connectionString, logger, 'renewa-atlas-replay');
  try {
    for (const f of pending) {
      for (const stmt of splitStatements(f.text)) {
        try {
          await client.query(stmt);
        } catch (err) {
          throw new Error(`replaying ${f.name}: executing statement ${JSON.stringify(stmt)}: ${(err as Error).message}`, {
            cause: err,
          });
        }
      }
    }
    return pending.length;
  } finally {
    await client.end().catch(() => undefined);
  }
}
