import { eq, inArray, sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, integer, jsonb, numeric, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { runAsActor } from '@libs/context';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { anyOf, completeRows, insertRows } from './batch-sql';
import { auditColumns, id, localizedText, timestamptz } from './columns';
import { createDatabase, Database } from './database';
import { compileRowMapper } from './row-mapper';

const mood = pgEnum('bulk_mood', ['calm', 'busy']);

/** Every kind of column the project's tables use, in two identical tables: one per insert path. */
const shape = (name: string) =>
  pgTable(name, {
    id: id(),
    seq: bigserial('seq', { mode: 'number' }),
    label: text('label').notNull(),
    count: integer('count').notNull().default(7),
    big: bigint('big', { mode: 'bigint' }),
    amount: numeric('amount', { precision: 12, scale: 2 }),
    day: date('day', { mode: 'date' }),
    flag: boolean('flag'),
    mood: mood('mood').notNull().default('calm'),
    tags: text('tags').array(),
    moods: mood('moods').array(),
    title: localizedText('title'),
    payload: jsonb('payload').$type<unknown>(),
    at: timestamptz('at'),
    ...auditColumns(),
  });
const viaValues = shape('bulk_via_values');
/** Without a sequence: every default computable in the application. */
const completed = pgTable('bulk_completed', { id: id(), label: text('label').notNull(), count: integer('count').notNull().default(7), mood: mood('mood').notNull().default('calm'), at: timestamptz('at'), ...auditColumns() });
const viaJson = shape('bulk_via_json');

const DDL = (name: string) => `
  create table ${name} (
    id uuid primary key default gen_random_uuid(),
    seq bigserial not null,
    label text not null,
    count integer not null default 7,
    big bigint,
    amount numeric(12, 2),
    day date,
    flag boolean,
    mood bulk_mood not null default 'calm',
    tags text[],
    moods bulk_mood[],
    title jsonb,
    payload jsonb,
    at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by uuid,
    updated_by uuid
  )`;

const ACTOR = '22222222-2222-4222-8222-222222222222';

describe('batch statements: insertRows and anyOf (one parameter per list)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.adminUrl, max: 2 });
    db = createDatabase(pool);
    await pool.query(`create type bulk_mood as enum ('calm', 'busy'); ${DDL('bulk_via_values')}; ${DDL('bulk_via_json')}`);
    await pool.query(`create table bulk_completed (id uuid primary key default gen_random_uuid(), label text not null, count integer not null default 7,
      mood bulk_mood not null default 'calm', at timestamptz, created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      created_by uuid, updated_by uuid)`);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  beforeEach(() => pool.query('truncate bulk_via_values, bulk_via_json restart identity'));

  const at = new Date('2026-03-01T12:34:56.789Z');
  const rows = [
    {
      label: 'everything',
      count: 3,
      big: 9_007_199_254_740_993n,
      amount: '1234567890.12',
      day: new Date('2026-02-28T00:00:00Z'),
      flag: true,
      mood: 'busy' as const,
      tags: ['a', 'b,c', 'quote"d', ''],
      moods: ['calm' as const, 'busy' as const],
      title: { de: 'Dämmung', en: 'Insulation' },
      payload: { nested: { list: [1, 'two', null] }, text: 'x\u00e9\n' },
      at,
    },
    { label: 'nulls', count: 4, big: null, amount: null, day: null, flag: null, mood: 'calm' as const, tags: null, moods: null, title: null, payload: null, at: null },
  ];
  const columns = 'label, count, big, amount, day, flag, mood, tags, moods, title, payload, at, created_by, updated_by';

  it('writes exactly what drizzle values() writes, for every column type', async () => {
    await runAsActor(async () => {
      await db.insert(viaValues).values(rows);
      await insertRows(db, viaJson, rows);
    }, ACTOR);
    const read = async (table: string) => (await pool.query(`select ${columns} from ${table} order by seq`)).rows;
    const written = await read('bulk_via_json');
    expect(written).toEqual(await read('bulk_via_values'));
    expect(written[0]).toMatchObject({ big: '9007199254740993', amount: '1234567890.12', tags: ['a', 'b,c', 'quote"d', ''], at, created_by: ACTOR, updated_by: ACTOR });
  });

  it('gives columns no row sets their database default, and runs $defaultFn per row', async () => {
    await runAsActor(() => insertRows(db, viaJson, [{ label: 'one' }, { label: 'two' }]), ACTOR);
    const { rows: written } = await pool.query(`select label, count, mood, created_by, created_at > now() - interval '1 minute' as recent, id from bulk_via_json order by seq`);
    expect(written).toEqual([
      { label: 'one', count: 7, mood: 'calm', created_by: ACTOR, recent: true, id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { label: 'two', count: 7, mood: 'calm', created_by: ACTOR, recent: true, id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    expect(written[0].id).not.toBe(written[1].id);
  });

  it('inserts in the order given (serial columns follow it)', async () => {
    const labels = Array.from({ length: 2000 }, (_, i) => `row-${String(1999 - i).padStart(4, '0')}`);
    await insertRows(
      db,
      viaJson,
      labels.map((label) => ({ label })),
    );
    const { rows: written } = await pool.query<{ label: string }>('select label from bulk_via_json order by seq');
    expect(written.map((row) => row.label)).toEqual(labels);
  });

  it('refuses a column some rows set and others omit, writing nothing', async () => {
    await expect(insertRows(db, viaJson, [{ label: 'a', count: 1 }, { label: 'b' }])).rejects.toThrow(
      'insertRows(bulk_via_json): row 1 omits "count", which other rows set; set it in every row or in none',
    );
    await expect(insertRows(db, viaJson, [{ label: 'a', payload: sql`'{}'::jsonb` }])).rejects.toThrow('SQL expressions are not supported');
    expect((await pool.query('select count(*)::int as n from bulk_via_json')).rows[0].n).toBe(0);
  });

  it('does nothing for no rows', async () => {
    const execute = jest.fn();
    await insertRows({ execute }, viaJson, []);
    expect(execute).not.toHaveBeenCalled();
  });

  it('anyOf selects what inArray selects, for text, uuid and enum columns, and nothing for an empty list', async () => {
    await insertRows(db, viaJson, [
      { label: 'a', mood: 'busy' },
      { label: "b'quoted,\"odd\"{}", mood: 'calm' },
      { label: 'c', mood: 'calm' },
    ]);
    const labels = async (where: ReturnType<typeof anyOf>) => (await db.select({ label: viaJson.label }).from(viaJson).where(where).orderBy(viaJson.seq)).map((r) => r.label);
    const odd = "b'quoted,\"odd\"{}";
    expect(await labels(anyOf(viaJson.label, ['a', odd, 'missing']))).toEqual(['a', odd]);
    expect(await labels(anyOf(viaJson.label, ['a', odd, 'missing']))).toEqual(await labels(inArray(viaJson.label, ['a', odd, 'missing'])));
    expect(await labels(anyOf(viaJson.mood, ['calm']))).toEqual([odd, 'c']);
    const [first] = await db.select({ id: viaJson.id }).from(viaJson).where(eq(viaJson.label, 'c'));
    expect(await labels(anyOf(viaJson.id, [first.id, '00000000-0000-4000-8000-000000000000']))).toEqual(['c']);
    expect(await labels(anyOf(viaJson.label, []))).toEqual([]);
  });

  it('anyOf sends one parameter however long the list', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `v${i}`);
    const query = db.select().from(viaJson).where(anyOf(viaJson.label, values)).toSQL();
    expect(query.params).toEqual([values]);
    expect(query.sql).toContain('"label" = any($1::text[])');
  });

  it('completeRows returns the rows exactly as insertRows writes them (defaults, ids, times, actor)', async () => {
    const now = new Date('2026-05-01T08:00:00.000Z');
    const rows = await runAsActor(async () => completeRows(completed, [{ label: 'x' }, { label: 'y', count: 3, mood: 'busy' }], now), ACTOR);
    expect(rows[0]).toMatchObject({ label: 'x', count: 7, mood: 'calm', at: null, createdAt: now, updatedAt: now, createdBy: ACTOR, updatedBy: ACTOR });
    expect(rows[0].id).not.toEqual(rows[1].id);
    await insertRows(db, completed, rows);
    const stored = await db.select().from(completed).orderBy(completed.label);
    expect(stored).toEqual(rows);
  });

  it("a compiled row mapper reads every column type exactly as drizzle's own mapping does", async () => {
    await runAsActor(() => db.insert(viaValues).values(rows), ACTOR);
    const selections = [
      () => db.select().from(viaValues).orderBy(viaValues.seq),
      () => db.select({ label: viaValues.label, doubled: sql<number>`${viaValues.count} * 2`.mapWith(Number), at: viaValues.at }).from(viaValues).orderBy(viaValues.seq),
      () => db.insert(viaValues).values({ label: 'returned', at }).returning(),
    ];
    for (const select of selections) {
      const drizzleMapped = await select().prepare(undefined as unknown as string).execute();
      const statement = select().prepare(undefined as unknown as string);
      expect(compileRowMapper(statement)).toBe(true);
      const compiled = await statement.execute();
      if (compiled[0] && 'id' in compiled[0] && compiled[0].label === 'returned') {
        // Two inserts: equal but for what the database generated.
        const generated = (r: Record<string, unknown>) => ({ ...r, id: undefined, seq: undefined, createdAt: undefined, updatedAt: undefined });
        expect(compiled.map(generated)).toEqual(drizzleMapped.map(generated));
      } else {
        expect(compiled).toEqual(drizzleMapped);
      }
      expect(compiled.length).toBeGreaterThan(0);
    }
    const [everything] = await db.select().from(viaValues).orderBy(viaValues.seq).prepare(undefined as unknown as string).execute();
    expect(everything).toMatchObject({ big: 9_007_199_254_740_993n, at, tags: ['a', 'b,c', 'quote"d', ''], title: { de: 'Dämmung', en: 'Insulation' } });
  });

  it('a join keeps drizzle\'s mapping (nested paths, nullable sides)', () => {
    const statement = db.select().from(viaValues).leftJoin(viaJson, eq(viaJson.id, viaValues.id)).prepare(undefined as unknown as string);
    expect(compileRowMapper(statement)).toBe(false);
  });

  it('completeRows refuses a default only the database can compute (a sequence)', () => {
    expect(() => completeRows(viaJson, [{ label: 'x' }])).toThrow(/seq has a default the application cannot compute/);
  });
});
