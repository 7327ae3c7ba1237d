import { migrationsDir } from '@libs/db';
import { createTestDatabase, itThroughPgBouncer, TestDatabase } from '@libs/testing';
import { applyMigrations } from './applier';
import { PooledConnectionError } from './errors';
import { silentLogger } from './logger';
import { openClient } from './pg-connection';
import { diffDatabaseAgainstSchema } from './schema-diff';
import { migrationStatus } from './status';

describe('the migration connection must reach PostgreSQL directly', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(() => db?.drop());

  const apply = (connectionString: string) =>
    applyMigrations({ connectionString, dir: migrationsDir(), operatorVersion: 'test', logger: silentLogger });

  it('accepts a direct connection', async () => {
    await expect(apply(db.migrationUrl)).resolves.toMatchObject({ applied: [] });
    const client = await openClient(db.adminUrl, silentLogger);
    await client.end();
  });

  itThroughPgBouncer('refuses PgBouncer for applying, status and diffs, saying which variable to fix', async () => {
    const bouncerUrl = db.bouncerUrl!;
    const error = await apply(bouncerUrl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PooledConnectionError);
    const message = (error as Error).message;
    expect(message).toContain(`127.0.0.1:${new URL(bouncerUrl).port}/${db.name} reaches PostgreSQL through a connection pooler such as PgBouncer`);
    expect(message).toContain('point DATABASE_URL_MIGRATION at PostgreSQL itself');
    await expect(migrationStatus({ connectionString: bouncerUrl, dir: migrationsDir(), logger: silentLogger })).rejects.toThrow(PooledConnectionError);
    await expect(diffDatabaseAgainstSchema(bouncerUrl, async () => ({}))).rejects.toThrow(PooledConnectionError);
  });

  itThroughPgBouncer('never prints the password of the refused URL', async () => {
    const url = new URL(db.bouncerUrl!);
    url.password = 'pw-not-for-logs';
    const error = await apply(url.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PooledConnectionError);
    expect((error as Error).message).not.toContain('pw-not-for-logs');
  });
});
