import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { APP_USER, MIGRATION_USER, withCredentials } from '@libs/db';
import { requireTestEnv, TEST_ENV } from './test-env';

export interface TestDatabase {
  name: string;
  /** Superuser on this database: for assertions that look behind the application's back. */
  adminUrl: string;
  /** app-user connecting directly. */
  appUrl: string;
  /** app-user through PgBouncer (transaction pooling), when PgBouncer runs. */
  bouncerUrl?: string;
  /** migration-user connecting directly. */
  migrationUrl: string;
  /**
   * A superuser pool on this database, ended by `drop()`. Its idle clients' errors are ignored:
   * `pool.end()` resolves before their sockets close, and DROP … WITH (FORCE) may terminate one.
   */
  adminPool(max?: number): Pool;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: requireTestEnv(TEST_ENV.adminUrl) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function describeDatabase(name: string): TestDatabase {
  const adminUrl = requireTestEnv(TEST_ENV.adminUrl);
  const password = process.env[TEST_ENV.rolePassword] || null;
  const bouncerPort = process.env[TEST_ENV.bouncerPort];
  const appUrl = withCredentials(adminUrl, APP_USER, password, name);
  let bouncerUrl: string | undefined;
  if (bouncerPort) {
    const url = new URL(appUrl);
    url.hostname = '127.0.0.1';
    url.port = bouncerPort;
    bouncerUrl = url.toString();
  }
  const databaseAdminUrl = withCredentials(adminUrl, new URL(adminUrl).username, decodeURIComponent(new URL(adminUrl).password) || null, name);
  const pools: Pool[] = [];
  return {
    name,
    adminUrl: databaseAdminUrl,
    appUrl,
    bouncerUrl,
    migrationUrl: withCredentials(adminUrl, MIGRATION_USER, password, name),
    adminPool: (max = 2) => {
      const pool = new Pool({ connectionString: databaseAdminUrl, max });
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
    drop: async () => {
      await Promise.all(pools.filter((pool) => !pool.ended).map((pool) => pool.end()));
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

const newName = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}_${requireTestEnv(TEST_ENV.runId)}`;

/** A private copy of the migrated template database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = newName('t');
  const template = requireTestEnv(TEST_ENV.template);
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return describeDatabase(name);
}

/** An empty database (no migrations applied, roles.sql not run on it) for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = newName('e');
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return describeDatabase(name);
}
