import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integer, pgSchema, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { applyMigrations } from './applier';
import { ManualMigrationRequiredError } from './errors';
import { generateMigration, GenerateOptions, nextVersion } from './generator';
import { validateDir } from './hash-file';
import { silentLogger } from './logger';
import { splitStatements } from './scanner';
import { diffDatabaseAgainstSchema, replayMigrationDir } from './schema-diff';
import { cleanupFixtures, scratchDb as scratch, trackDatabase } from './testing/fixtures';
import { adminUrl, query, randomDbName } from './testing/scratch-db';

const NOW = new Date('2024-05-01T10:20:30Z');

const usersV1 = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull() });
const usersV2 = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull(), name: text('name') });
const usersRenamed = pgTable('users', { id: serial('id').primaryKey(), email: text('email').notNull(), fullName: text('full_name') });
const billing = pgSchema('billing');
const invoices = billing.table('invoices', { id: serial('id').primaryKey(), userId: integer('user_id').references(() => usersV2.id) });

let dir: string;
let devDatabase: string;

beforeAll(async () => {
  // An empty directory the generator fills; it must start without atlas.sum.
  dir = await mkdtemp(join(tmpdir(), 'atlas-gen-'));
  devDatabase = randomDbName();
  trackDatabase(devDatabase);
});

afterAll(async () => {
  await cleanupFixtures();
  await rm(dir, { recursive: true, force: true });
});

const generate = (name: string, schema: Record<string, unknown>, extra: Partial<GenerateOptions> = {}) =>
  generateMigration({
    name, dir, adminUrl: adminUrl(), devDatabase, loadSchema: async () => schema, logger: silentLogger, now: NOW,
    atlasBinary: false, ...extra,
  });

const devDbExists = async () =>
  (await query(adminUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [devDatabase])).length > 0;

describe('generateMigration (drizzle-kit path)', () => {
  it('writes a migration file and a valid atlas.sum, then reports no changes', async () => {
    const result = await generate('init', { usersV1 });
    expect(result).toMatchObject({ status: 'written', via: 'drizzle-kit', file: '20240501102030_init.sql', hasDataLoss: false });
    if (result.status !== 'written') throw new Error('unreachable');
    const content = await readFile(result.path, 'utf8');
    expect(content).toMatch(/^CREATE TABLE "users" \(/);
    expect(content.endsWith(';\n')).toBe(true);
    expect(content).not.toContain('\r');
    expect(splitStatements(content)).toEqual(result.statements.map((s) => `${s};`));
    expect((await validateDir(dir)).ok).toBe(true);
    expect(await devDbExists()).toBe(false);

    expect(await generate('again', { usersV1 })).toEqual({ status: 'no-changes', via: 'drizzle-kit' });
    expect(await readdir(dir)).toEqual(['20240501102030_init.sql', 'atlas.sum']);
  });

  it('never reuses a version and handles schemas other than public', async () => {
    const result = await generate('add_name_and_billing', { usersV2, billing, invoices });
    expect(result).toMatchObject({ status: 'written', file: '20240501102031_add_name_and_billing.sql' });
    if (result.status !== 'written') throw new Error('unreachable');
    expect(result.statements).toEqual(expect.arrayContaining(['CREATE SCHEMA "billing"']));
    expect((await validateDir(dir)).ok).toBe(true);
    expect(await generate('again', { usersV2, billing, invoices })).toMatchObject({ status: 'no-changes' });
  });

  it('reports a column rename as a manual step and leaves the directory alone', async () => {
    const before = await readdir(dir);
    const err = await generate('rename', { usersRenamed, billing, invoices }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManualMigrationRequiredError);
    const message = (err as Error).message;
    expect(message).toMatch(/renamed/);
    expect(message).toContain('make db-hash');
    expect(message).toContain(`Suggested file: ${join(dir, '20240501102032_rename.sql')}`);
    expect(message).not.toMatch(/^Interactive prompts require a TTY/);
    expect(await readdir(dir)).toEqual(before);
    expect((await validateDir(dir)).ok).toBe(true);
    expect(await devDbExists()).toBe(false);
  });

  it('marks destructive changes as comments at the top of the file', async () => {
    const result = await generate('drop_name', { usersV1, billing, invoices });
    if (result.status !== 'written') throw new Error(`expected a file, got ${result.status}`);
    expect(result.hasDataLoss).toBe(true);
    expect(result.warnings).toEqual(['Destructive change: drops column "name" of table "users"']);
    const content = await readFile(result.path, 'utf8');
    expect(content).toBe('-- Destructive change: drops column "name" of table "users"\nALTER TABLE "users" DROP COLUMN "name";\n');
    expect(splitStatements(content)).toEqual(['ALTER TABLE "users" DROP COLUMN "name";']);
  });

  it('the directory replays into an empty database with no difference to the schema, also after applyMigrations', async () => {
    const schema = { usersV1, billing, invoices };
    const replayed = await scratch();
    expect(await replayMigrationDir({ connectionString: replayed, dir })).toBe(3);
    expect(await diffDatabaseAgainstSchema(replayed, async () => schema)).toEqual([]);

    const migrated = await scratch();
    const summary = await applyMigrations({ connectionString: migrated, dir, operatorVersion: 'test', logger: silentLogger });
    expect(summary.applied).toHaveLength(3);
    expect(await diffDatabaseAgainstSchema(migrated, async () => schema)).toEqual([]);
    expect(await diffDatabaseAgainstSchema(migrated, async () => ({ usersV2, billing, invoices }))).toEqual([
      'ALTER TABLE "users" ADD COLUMN "name" text',
    ]);
  });

  it('rejects invalid names', async () => {
    await expect(generate('Add-Users', { usersV1 })).rejects.toThrow(/invalid migration name/);
  });
});

describe('nextVersion', () => {
  it('uses the UTC time, or one second after the newest version', () => {
    expect(nextVersion(NOW, [])).toBe('20240501102030');
    expect(nextVersion(NOW, ['20240101000000'])).toBe('20240501102030');
    expect(nextVersion(NOW, ['20240501102030'])).toBe('20240501102031');
    expect(nextVersion(NOW, ['20240501235959', '1'])).toBe('20240502000000');
    expect(() => nextVersion(NOW, ['9'])).toThrow(/not a 14-digit timestamp/);
  });
});
