// `atlas migrate diff` for this project: the real atlas binary when installed, otherwise
// replay the directory into a scratch dev database and diff it with drizzle-kit.
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { Client } from 'pg';
import { ManualMigrationRequiredError } from './errors';
import { assertValidDir, writeSumFile } from './hash-file';
import { AtlasLogger } from './logger';
import { compareNames, readMigrationFiles } from './migration-dir';
import { quoteIdent } from './revisions';
import { splitStatements } from './scanner';
import { diffClientAgainstSchema, LoadSchema, replayMigrationDir } from './schema-diff';
import { openClient } from './pg-connection';

export interface GenerateOptions {
  /** Migration name, `[a-z0-9_]+`. */
  name: string;
  /** Migration directory, e.g. atlas/migrations. */
  dir: string;
  /** Server URL with rights to drop and create the dev database. */
  adminUrl: string;
  /** Scratch database, dropped and recreated on every run. Never point this at real data. */
  devDatabase?: string;
  loadSchema: LoadSchema;
  logger: AtlasLogger;
  now?: Date;
  /** Path of the atlas binary, or false to never use it; default: `atlas` if on PATH. */
  atlasBinary?: string | false;
}

export type GenerateResult =
  | { status: 'no-changes'; via: 'atlas' | 'drizzle-kit' }
  | {
      status: 'written';
      via: 'atlas' | 'drizzle-kit';
      file: string;
      path: string;
      version: string;
      statements: string[];
      warnings: string[];
      hasDataLoss: boolean;
    };

const NAME = /^[a-z0-9_]+$/;

/** `YYYYMMDDHHMMSS` in UTC, the version format `atlas migrate diff` uses. */
export function formatVersion(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function parseVersion(v: string): Date {
  const n = (a: number, b: number) => Number(v.slice(a, b));
  return new Date(Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14)));
}

/** The version for a new file: `now`, or one second after the newest existing version. */
export function nextVersion(now: Date, existing: readonly string[]): string {
  const latest = [...existing].sort(compareNames).at(-1);
  const v = formatVersion(now);
  if (latest === undefined || compareNames(v, latest) > 0) return v;
  if (!/^\d{14}$/.test(latest)) {
    throw new Error(`cannot create a version after "${latest}": it is not a 14-digit timestamp`);
  }
  return formatVersion(new Date(parseVersion(latest).getTime() + 1000));
}

/** Atlas' layout: optional comment lines, then every statement followed by `;` and LF. */
export function renderMigration(statements: readonly string[], warnings: readonly string[]): string {
  const comments = warnings.flatMap((w) => w.split(/\r?\n/)).map((l) => `-- ${l}`.trimEnd() + '\n');
  return comments.join('') + statements.map((s) => `${s};\n`).join('');
}

async function findOnPath(binary: string): Promise<string | undefined> {
  for (const d of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(d, binary);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(cmd: string, args: string[], cwd: string, logger: AtlasLogger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      for (const line of output.split('\n').filter(Boolean)) logger.info(`atlas: ${line}`);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${output.trim()}`));
    });
  });
}

async function generateWithAtlas(binary: string, opts: GenerateOptions): Promise<GenerateResult> {
  const before = new Set((await readMigrationFiles(opts.dir)).map((f) => f.name));
  await run(binary, ['migrate', 'diff', '--env', 'local', opts.name], dirname(opts.dir), opts.logger);
  const created = (await readMigrationFiles(opts.dir)).filter((f) => !before.has(f.name));
  if (created.length === 0) return { status: 'no-changes', via: 'atlas' };
  const f = created[created.length - 1];
  return {
    status: 'written', via: 'atlas', file: f.name, path: join(opts.dir, f.name), version: f.version,
    statements: splitStatements(f.bytes.toString('utf8')), warnings: [], hasDataLoss: false,
  };
}

function databaseUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function generateMigration(opts: GenerateOptions): Promise<GenerateResult> {
  const { name, dir, logger } = opts;
  const devDatabase = opts.devDatabase ?? 'atlas_dev';
  if (!NAME.test(name)) throw new Error(`invalid migration name "${name}": use lower-case letters, digits and _`);
  if (!/^[a-z_][a-z0-9_]*$/.test(devDatabase)) throw new Error(`invalid dev database name "${devDatabase}"`);
  await mkdir(dir, { recursive: true });
  await assertValidDir(dir);

  const atlas = opts.atlasBinary === false ? undefined : (opts.atlasBinary ?? (await findOnPath('atlas')));
  if (atlas) {
    logger.info(`atlas: using ${atlas} (atlas migrate diff --env local ${name})`);
    return generateWithAtlas(atlas, opts);
  }

  const dev = quoteIdent(devDatabase);
  await adminQuery(opts.adminUrl, `DROP DATABASE IF EXISTS ${dev} WITH (FORCE)`);
  await adminQuery(opts.adminUrl, `CREATE DATABASE ${dev}`);
  try {
    const devUrl = databaseUrl(opts.adminUrl, devDatabase);
    const replayed = await replayMigrationDir({ connectionString: devUrl, dir, logger });
    logger.info(`atlas: replayed ${replayed} migration file(s) into dev database ${devDatabase}`);
    const imports = await opts.loadSchema();
    const client = await openClient(devUrl, logger, 'renewa-atlas-generate');
    let diff;
    try {
      diff = await diffClientAgainstSchema(client, imports);
    } catch (err) {
      if (!(err instanceof ManualMigrationRequiredError)) throw err;
      const suggested = `${nextVersion(opts.now ?? new Date(), (await readMigrationFiles(dir)).map((f) => f.version))}_${name}.sql`;
      throw new ManualMigrationRequiredError(`${err.message} Suggested file: ${join(dir, suggested)}`, { cause: err.cause });
    } finally {
      await client.end().catch(() => undefined);
    }
    if (diff.statements.length === 0) {
      logger.info('atlas: the migration directory is in sync with the Drizzle schema, no changes');
      return { status: 'no-changes', via: 'drizzle-kit' };
    }
    const warnings = diff.hasDataLoss ? diff.warnings : [];
    const content = renderMigration(diff.statements, warnings);
    if (splitStatements(content).length !== diff.statements.length) {
      throw new Error('the generated statements do not split back into the same statements; write this migration by hand');
    }
    const version = nextVersion(opts.now ?? new Date(), (await readMigrationFiles(dir)).map((f) => f.version));
    const file = `${version}_${name}.sql`;
    const path = join(dir, file);
    await writeFile(path, content, { flag: 'wx', mode: 0o644 });
    await writeSumFile(dir);
    for (const w of warnings) logger.warn(`atlas: ${file}: ${w}`);
    logger.info(`atlas: wrote ${path} (${diff.statements.length} statement(s)) and updated atlas.sum`);
    return { status: 'written', via: 'drizzle-kit', file, path, version, statements: diff.statements, warnings, hasDataLoss: diff.hasDataLoss };
  } finally {
    await adminQuery(opts.adminUrl, `DROP DATABASE IF EXISTS ${dev} WITH (FORCE)`).catch((err: Error) =>
      logger.warn(`atlas: could not drop dev database ${devDatabase}: ${err.message}`),
    );
  }
}
