import { sql } from 'drizzle-orm';
import { Client, Pool } from 'pg';
import { currentActorId, SYSTEM_ACTOR_ID } from '@libs/context';
import { createDatabase, createPool, Database } from '@libs/db';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { SEEDS } from './index';
import { runSeeds } from './seed-runner';
import { Seed, seedUuid, SEED_NAMESPACES } from './seed-utils';

const quiet = { info: () => undefined, warn: () => undefined };
const env = { nodeEnv: 'test' };

describe('seeding', () => {
  let testDb: TestDatabase;
  let pool: Pool;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const admin = new Client({ connectionString: testDb.migrationUrl });
    await admin.connect();
    await admin.query('CREATE TABLE seed_probe (id uuid primary key, label text not null, created_by uuid)');
    await admin.end();
    pool = createPool({ url: testDb.bouncerUrl ?? testDb.appUrl, max: 4 });
    db = createDatabase(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await testDb?.drop();
  });

  const probeSeed = (key: string, labels: string[]): Seed => ({
    key,
    description: `probe rows ${labels.join(', ')}`,
    run: async ({ db: tx }) => {
      for (const label of labels) {
        await tx.execute(sql`insert into seed_probe (id, label) values (${seedUuid('demo', label)}, ${label})`);
      }
    },
  });

  const rows = async () => (await pool.query('select id, label from seed_probe order by label')).rows;

  it('derives stable UUID v5 ids from namespace and natural key', () => {
    expect(seedUuid('roles', 'admin')).toBe(seedUuid('roles', 'admin'));
    expect(seedUuid('roles', 'admin')).not.toBe(seedUuid('users', 'admin'));
    expect(seedUuid('roles', 'admin')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(Object.values(SEED_NAMESPACES)).size).toBe(Object.keys(SEED_NAMESPACES).length);
  });

  it('runs a seed once, then skips it, and runs seeds added later', async () => {
    const first = await runSeeds(db, [probeSeed('probe-1', ['a', 'b'])], { env, log: quiet });
    expect(first).toEqual({ applied: ['probe-1'], skipped: [] });
    const snapshot = await rows();

    const again = await runSeeds(db, [probeSeed('probe-1', ['a', 'b'])], { env, log: quiet });
    expect(again).toEqual({ applied: [], skipped: ['probe-1'] });
    expect(await rows()).toEqual(snapshot);

    const incremental = await runSeeds(db, [probeSeed('probe-1', ['a', 'b']), probeSeed('probe-2', ['c'])], { env, log: quiet });
    expect(incremental).toEqual({ applied: ['probe-2'], skipped: ['probe-1'] });
    expect((await rows()).map((r) => r.label)).toEqual(['a', 'b', 'c']);
  });

  it('records the system actor on seeded rows', async () => {
    const withActor: Seed = {
      key: 'probe-actor',
      description: 'row with audit actor',
      run: async ({ db: tx }) => {
        await tx.execute(sql`insert into seed_probe (id, label, created_by) values (${seedUuid('demo', 'actor')}, 'actor', ${currentActorId()})`);
      },
    };
    await runSeeds(db, [withActor], { env, log: quiet });
    const { rows: [row] } = await pool.query(`select created_by from seed_probe where label = 'actor'`);
    expect(row.created_by).toBe(SYSTEM_ACTOR_ID);
  });

  it('rolls a failing seed back completely, marker included', async () => {
    const failing: Seed = {
      key: 'probe-failing',
      description: 'inserts then fails',
      run: async ({ db: tx }) => {
        await tx.execute(sql`insert into seed_probe (id, label) values (${seedUuid('demo', 'partial')}, 'partial')`);
        throw new Error('seed failed midway');
      },
    };
    await expect(runSeeds(db, [failing], { env, log: quiet })).rejects.toThrow('seed failed midway');
    expect((await rows()).map((r) => r.label)).not.toContain('partial');
    const markers = await pool.query(`select key from seed_markers where key = 'probe-failing'`);
    expect(markers.rowCount).toBe(0);
  });

  it('two runners at once apply each seed exactly once', async () => {
    const seeds = [probeSeed('probe-concurrent', ['x', 'y'])];
    const reports = await Promise.all([runSeeds(db, seeds, { env, log: quiet }), runSeeds(db, seeds, { env, log: quiet })]);
    expect(reports.flatMap((r) => r.applied)).toEqual(['probe-concurrent']);
    expect((await rows()).filter((r) => ['x', 'y'].includes(r.label))).toHaveLength(2);
  });

  it('the registered seeds are idempotent: a second run changes nothing', async () => {
    const first = await runSeeds(db, SEEDS, { env, log: quiet });
    const before = (await pool.query('select key from seed_markers order by key')).rows;
    const second = await runSeeds(db, SEEDS, { env, log: quiet });
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(first.applied.concat(first.skipped));
    expect((await pool.query('select key from seed_markers order by key')).rows).toEqual(before);
  });
});
