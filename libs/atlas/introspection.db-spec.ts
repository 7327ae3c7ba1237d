import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integer, pgSchema, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { generateMigration } from './generator';
import { silentLogger } from './logger';
import { diffDatabaseAgainstSchema } from './schema-diff';
import { cleanupFixtures, scratchDb, trackDatabase } from './testing/fixtures';
import { adminUrl, query, randomDbName } from './testing/scratch-db';

// Unique constraints whose key order differs from the columns' order in the table. drizzle-kit
// 0.31 reads their columns without a key position: on PostgreSQL 15 they came back in column
// order, on 18 in yet another, and every diff dropped and re-added them.
const sales = pgSchema('sales');
const pairs = pgTable(
  'pairs',
  { id: uuid('id').primaryKey(), a: uuid('a').notNull(), b: text('b').notNull(), c: integer('c') },
  (t) => [unique('pairs_b_a_key').on(t.b, t.a), unique('pairs_c_a_b_key').on(t.c, t.a, t.b)],
);
const quotes = sales.table(
  'quotes',
  { id: uuid('id').primaryKey(), number: text('number').notNull(), year: integer('year').notNull() },
  (t) => [unique('quotes_year_number_key').on(t.year, t.number)],
);
const schema = { pairs, sales, quotes };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-unique-order-'));
});
afterAll(async () => {
  await cleanupFixtures();
  await rm(dir, { recursive: true, force: true });
});

describe('unique constraints read back in key order', () => {
  it('a database holding them has no drift against the schema declaring them, on this server version', async () => {
    const url = await scratchDb();
    await query(url, 'CREATE SCHEMA sales');
    await query(url, 'CREATE TABLE pairs (id uuid PRIMARY KEY, a uuid NOT NULL, b text NOT NULL, c integer, CONSTRAINT pairs_b_a_key UNIQUE (b, a), CONSTRAINT pairs_c_a_b_key UNIQUE (c, a, b))');
    await query(url, 'CREATE TABLE sales.quotes (id uuid PRIMARY KEY, number text NOT NULL, year integer NOT NULL, CONSTRAINT quotes_year_number_key UNIQUE (year, number))');
    expect(await diffDatabaseAgainstSchema(url, async () => schema)).toEqual([]);
  });

  it('still sees a real change of key order', async () => {
    const url = await scratchDb();
    await query(url, 'CREATE TABLE pairs (id uuid PRIMARY KEY, a uuid NOT NULL, b text NOT NULL, c integer, CONSTRAINT pairs_b_a_key UNIQUE (a, b), CONSTRAINT pairs_c_a_b_key UNIQUE (c, a, b))');
    expect(await diffDatabaseAgainstSchema(url, async () => ({ pairs }))).toEqual([
      'ALTER TABLE "pairs" DROP CONSTRAINT "pairs_b_a_key"',
      'ALTER TABLE "pairs" ADD CONSTRAINT "pairs_b_a_key" UNIQUE("b","a")',
    ]);
  });

  it('the generator writes them once and then reports no changes', async () => {
    const devDatabase = randomDbName();
    trackDatabase(devDatabase);
    const generate = (name: string) =>
      generateMigration({ name, dir, adminUrl: adminUrl(), devDatabase, loadSchema: async () => schema, logger: silentLogger, atlasBinary: false });
    expect(await generate('init')).toMatchObject({ status: 'written' });
    expect(await generate('again')).toEqual({ status: 'no-changes', via: 'drizzle-kit' });
    expect(await readdir(dir)).toHaveLength(2);
  });
});
