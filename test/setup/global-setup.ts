import './register-paths';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations } from '@libs/atlas';
import { APP_USER, bootstrapRoles, MIGRATION_USER, migrationsDir, withCredentials } from '@libs/db';
import { findPgBouncer, startPgBouncer } from '@libs/testing/pgbouncer';
import { startPgServer } from '@libs/testing/pg-server';
import { TEST_ENV } from '@libs/testing/test-env';

const log = (msg: string) => process.stderr.write(`[test setup] ${msg}\n`);

/**
 * Runs once per `jest` run: finds a PostgreSQL, bootstraps the roles, migrates a template
 * database as migration-user and starts PgBouncer in front of the server. Each test file then
 * clones the template (libs/testing/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const server = await startPgServer(log);
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `renewa_tpl_${runId}`;
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  let version: string;
  try {
    version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const templateAdminUrl = withCredentials(server.adminUrl, new URL(server.adminUrl).username, decodeURIComponent(new URL(server.adminUrl).password) || null, template);
  await bootstrapRoles(templateAdminUrl, { appUser: server.rolePassword, migrationUser: server.rolePassword });
  await applyMigrations({
    connectionString: withCredentials(server.adminUrl, MIGRATION_USER, server.rolePassword, template),
    dir: migrationsDir(),
    operatorVersion: 'renewa test harness',
    logger: { info: () => undefined, warn: log },
  });

  const binary = findPgBouncer();
  let stopBouncer: () => Promise<void> = async () => undefined;
  if (binary) {
    const serverUrl = new URL(server.adminUrl);
    const bouncer = await startPgBouncer(binary, {
      serverHost: serverUrl.hostname,
      serverPort: Number(serverUrl.port || 5432),
      users: { [APP_USER]: server.rolePassword },
    });
    process.env[TEST_ENV.bouncerPort] = String(bouncer.port);
    stopBouncer = bouncer.stop;
  } else if (process.env.CI === 'true') {
    throw new Error('pgbouncer is not installed: under CI=true the PgBouncer tests must run (apt-get install pgbouncer)');
  } else {
    log('pgbouncer not found: HTTP tests connect directly (install pgbouncer to test the real topology)');
  }

  process.env[TEST_ENV.adminUrl] = server.adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = runId;
  process.env[TEST_ENV.rolePassword] = server.rolePassword ?? '';
  log(`PostgreSQL ${version} (${server.kind}); template ${template}; PgBouncer: ${binary ? `port ${process.env[TEST_ENV.bouncerPort]}` : 'none'}`);

  (globalThis as Record<string, unknown>).__renewaTestTeardown = async () => {
    await stopBouncer();
    await dropRunDatabases(server.adminUrl, runId);
    await server.stop();
  };
}

async function dropRunDatabases(adminUrl: string, runId: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like '%' || $1`,
      [runId],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
