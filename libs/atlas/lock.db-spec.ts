import { Client } from 'pg';
import { applyMigrations } from './applier';
import { AtlasLockError } from './errors';
import { ATLAS_APPLY_LOCK_KEY } from './lock';
import { silentLogger } from './logger';
import { cleanupFixtures, migrationDir, revisionRows as revisions, scratchDb as scratch, tableExists } from './testing/fixtures';
import { query } from './testing/scratch-db';

afterAll(cleanupFixtures);

const apply = (url: string, dir: string, extra: Partial<Parameters<typeof applyMigrations>[0]> = {}) =>
  applyMigrations({ connectionString: url, dir, operatorVersion: 'renewa-test', logger: silentLogger, ...extra });

describe('locking', () => {
  it('two concurrent runs apply every file exactly once', async () => {
    const url = await scratch();
    const files: Record<string, string> = { '01_log.sql': 'CREATE TABLE run_log (file text NOT NULL);\n' };
    for (let i = 2; i <= 6; i++) {
      files[`0${i}_step.sql`] = `CREATE TABLE step_${i} (a int);\nINSERT INTO run_log VALUES ('${i}');\n`;
    }
    const dir = await migrationDir(files);
    const results = await Promise.allSettled([apply(url, dir), apply(url, dir)]);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(AtlasLockError);
        expect(String(r.reason)).toMatch(/lock is held by another migrator/);
      }
    }
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.flatMap((s) => s.applied.map((f) => f.name)).sort()).toEqual(Object.keys(files).sort());
    expect((await revisions(url)).map((r) => r.version)).toEqual(['01', '02', '03', '04', '05', '06']);
    expect((await query(url, 'SELECT file FROM run_log ORDER BY file')).map((r) => r.file)).toEqual(['2', '3', '4', '5', '6']);
  });

  it('waits for a session holding the advisory lock, then times out with a clear message', async () => {
    const url = await scratch();
    const dir = await migrationDir({ '1_a.sql': 'CREATE TABLE a (id int);\n' });
    const holder = new Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [ATLAS_APPLY_LOCK_KEY]);
      const err = await apply(url, dir, { lockTimeoutMs: 300 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AtlasLockError);
      expect((err as Error).message).toMatch(/^acquiring database lock: lock is held by another migrator/);
      expect(await tableExists(url, 'a')).toBe(false);
      expect(await tableExists(url, 'atlas_schema_revisions.atlas_schema_revisions')).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1::bigint)', [ATLAS_APPLY_LOCK_KEY]);
      expect((await apply(url, dir, { lockTimeoutMs: 300 })).applied).toHaveLength(1);
    } finally {
      await holder.end();
    }
  });
});
