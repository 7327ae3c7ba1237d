import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@libs/db';
import { freePort } from './free-port';

export interface PgServer {
  /** Superuser URL of the server's `postgres` database. */
  adminUrl: string;
  /** Password the harness gives app-user and migration-user (null: the server trusts them). */
  rolePassword: string | null;
  kind: 'external' | 'testcontainers' | 'embedded';
  stop(): Promise<void>;
}

/** Settings that make a throwaway test cluster fast; durability is irrelevant there. */
const FAST_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' };

/**
 * The test database server: TEST_DATABASE_URL if set, else a testcontainers PostgreSQL when a
 * Docker engine answers, else an embedded PostgreSQL in a temporary directory.
 * `TEST_PG_SERVER=embedded` skips the first two: CI runs the schema tests once more that way, on
 * the embedded PostgreSQL 18, next to the run on its PostgreSQL 15.
 */
export async function startPgServer(log: (msg: string) => void): Promise<PgServer> {
  const choice = process.env.TEST_PG_SERVER;
  if (choice === 'embedded') return startEmbedded();
  if (choice) throw new Error(`TEST_PG_SERVER=${choice}: the only accepted value is "embedded" (unset: TEST_DATABASE_URL, testcontainers, embedded)`);
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const url = new URL(external);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), rolePassword: null, kind: 'external', stop: async () => undefined };
  }
  const container = await tryTestcontainers(log);
  if (container) return container;
  return startEmbedded();
}

async function tryTestcontainers(log: (msg: string) => void): Promise<PgServer | null> {
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const started = await new PostgreSqlContainer('postgres:15')
      .withCommand(['postgres', ...Object.entries(FAST_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])])
      .withDatabase('postgres')
      .start();
    const url = new URL(started.getConnectionUri());
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), rolePassword: 'test', kind: 'testcontainers', stop: async () => void (await started.stop()) };
  } catch (error) {
    log(`testcontainers unavailable (${(error as Error).message.split('\n')[0]}); using embedded PostgreSQL`);
    return null;
  }
}

async function startEmbedded(): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), 'renewa-test-pg-'));
  chmodSync(dir, 0o755);
  const password = 'postgres';
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    port: await freePort(),
    superuserPassword: password,
    settings: FAST_SETTINGS,
  });
  return {
    adminUrl: server.adminUrl,
    rolePassword: 'test',
    kind: 'embedded',
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
