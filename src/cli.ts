import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyMigrations, AtlasChecksumError, generateMigration, migrationStatus, writeSumFile } from '@libs/atlas';
import { loadConfig } from '@libs/config';
import { bootstrapRoles, migrationsDir } from '@libs/db';
import { generateOpenApiDocument } from './app.factory';
import { OPERATOR_VERSION, prepareDatabase } from './db/runtime';
import * as schema from './db/schema';
import { seedDatabase } from './db/seeds/seed-database';

const log = {
  info: (msg: string) => process.stdout.write(`${msg}\n`),
  warn: (msg: string) => process.stderr.write(`warning: ${msg}\n`),
};

const DEFAULT_DEV_ADMIN_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

function requireEnv(name: string, purpose: string): string {
  const value = process.env[name];
  if (!value) throw new UsageError(`${name} is not set: it is the ${purpose}`);
  return value;
}

class UsageError extends Error {}

/**
 * With the given variable set, run against that database; without any database URL, against the
 * embedded PostgreSQL of `npm start` (started, prepared and stopped again).
 */
async function withEmbeddedFallback(run: (urls: { runtimeUrl: string; migrationUrl: string }) => Promise<void>): Promise<void> {
  const config = loadConfig({ ...process.env, AUTO_SEED: 'false' });
  const db = await prepareDatabase(config, log);
  try {
    await run(db);
  } finally {
    await db.stop();
  }
}

const commands: Record<string, { help: string; run(args: string[]): Promise<void> }> = {
  'bootstrap-roles': {
    help: 'run atlas/roles.sql on DATABASE_URL_ADMIN; sets APP_USER_PASSWORD / MIGRATION_USER_PASSWORD when given',
    run: async () => {
      await bootstrapRoles(requireEnv('DATABASE_URL_ADMIN', 'superuser URL of the application database'), {
        appUser: process.env.APP_USER_PASSWORD,
        migrationUser: process.env.MIGRATION_USER_PASSWORD,
      });
      log.info('roles are in place');
    },
  },
  migrate: {
    help: 'verify atlas.sum and apply pending migrations with DATABASE_URL_MIGRATION (embedded database without it)',
    run: async () => {
      const url = process.env.DATABASE_URL_MIGRATION;
      if (!url) return withEmbeddedFallback(async () => undefined);
      const result = await applyMigrations({ connectionString: url, dir: migrationsDir(), operatorVersion: OPERATOR_VERSION, logger: log });
      for (const file of result.applied) log.info(`applied ${file.name} (${file.statements} statements)`);
      log.info(result.applied.length ? `now at version ${result.currentVersion}` : 'no migration files to execute');
    },
  },
  'migrate-status': {
    help: 'show the current version and pending migrations of DATABASE_URL_MIGRATION',
    run: async () => {
      const status = await migrationStatus({
        connectionString: requireEnv('DATABASE_URL_MIGRATION', 'direct URL of the migration user'),
        dir: migrationsDir(),
        logger: log,
      });
      log.info(JSON.stringify(status, null, 2));
    },
  },
  generate: {
    help: 'generate <name>: write a migration for the difference between atlas/migrations and the Drizzle schema',
    run: async ([name]) => {
      if (!name) throw new UsageError('usage: generate <name>   (lower-case letters, digits and _)');
      const result = await generateMigration({
        name,
        dir: migrationsDir(),
        adminUrl: process.env.DATABASE_URL_DEV_ADMIN ?? DEFAULT_DEV_ADMIN_URL,
        loadSchema: async () => ({ ...schema }),
        logger: log,
      });
      if (result.status === 'no-changes') {
        log.info('no changes: the migrations match the Drizzle schema');
        return;
      }
      for (const warning of result.warnings) log.warn(warning);
    },
  },
  hash: {
    help: 'rewrite atlas/migrations/atlas.sum from the migration files (after writing one by hand)',
    run: async () => {
      await writeSumFile(migrationsDir());
      log.info('atlas.sum rewritten');
    },
  },
  openapi: {
    help: 'openapi [--out <file>|-]: write the OpenAPI document (default openapi/openapi.json); needs no database',
    run: async (args) => {
      const at = args.indexOf('--out');
      const out = at >= 0 ? args[at + 1] : 'openapi/openapi.json';
      if (!out) throw new UsageError('usage: openapi [--out <file>|-]');
      const text = `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`;
      // main() exits right after: wait until a piped stdout has taken all of it.
      if (out === '-') return new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      log.info(`wrote ${out}`);
    },
  },
  seed: {
    help: 'run pending seeds on DATABASE_URL (embedded database without it); --demo adds demo data',
    run: async (args) => {
      const includeDemo = args.includes('--demo');
      const env = { nodeEnv: process.env.NODE_ENV ?? 'development', adminPassword: process.env.ADMIN_PASSWORD };
      const seed = async (url: string) => {
        const report = await seedDatabase({ url, env, log, includeDemo });
        log.info(`seeds: ${report.applied.length} applied, ${report.skipped.length} already present`);
      };
      const url = process.env.DATABASE_URL;
      return url ? seed(url) : withEmbeddedFallback((db) => seed(db.runtimeUrl));
    },
  },
};

async function main(argv: string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const list = Object.entries(commands).map(([key, c]) => `  ${key.padEnd(16)} ${c.help}`);
    process.stderr.write(`usage: node dist/src/cli.js <command>\n\n${list.join('\n')}\n`);
    return name ? 2 : 0;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (error instanceof AtlasChecksumError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
