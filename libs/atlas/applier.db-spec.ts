import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyMigrations, MigrationExecutionError } from './applier';
import { AtlasChecksumError } from './errors';
import { hashDir, writeSumFile } from './hash-file';
import { silentLogger } from './logger';
import { migrationStatus } from './status';
import { cleanupFixtures, migrationDir, revisionRows as revisions, scratchDb as scratch, tableExists } from './testing/fixtures';
import { query } from './testing/scratch-db';

const OPERATOR = 'renewa-test 0.0.0';

afterAll(cleanupFixtures);

const apply = (url: string, dir: string, extra: Partial<Parameters<typeof applyMigrations>[0]> = {}) =>
  applyMigrations({ connectionString: url, dir, operatorVersion: OPERATOR, logger: silentLogger, ...extra });

const SMALL = {
  '20240101000000_init.sql': "-- create users\nCREATE TABLE users (id int PRIMARY KEY, name text);\n\nINSERT INTO users VALUES (1, 'a;b');\n",
  '20240102000000_posts.sql': 'CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users (id));\n',
  '20240103000000_fn.sql':
    'CREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.id := NEW.id; -- ;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n',
  '20240104000000_index.sql': '-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY posts_user_idx ON posts (user_id);\n',
};

describe('applyMigrations', () => {
  it('applies a directory to an empty database and records revisions exactly as Atlas does', async () => {
    const url = await scratch();
    const dir = await migrationDir(SMALL);
    const summary = await apply(url, dir);
    expect(summary.applied.map((f) => [f.name, f.statements, f.txMode])).toEqual([
      ['20240101000000_init.sql', 2, 'file'],
      ['20240102000000_posts.sql', 1, 'file'],
      ['20240103000000_fn.sql', 1, 'file'],
      ['20240104000000_index.sql', 1, 'none'],
    ]);
    expect(summary).toMatchObject({ fromVersion: null, currentVersion: '20240104000000' });

    const hashes = new Map((await hashDir(dir)).map((e) => [e.name.slice(0, 14), e.hash]));
    const rows = await revisions(url);
    expect(rows.map((r) => ({ ...r, executed_at: undefined, execution_time: undefined }))).toEqual(
      [
        ['20240101000000', 'init', 2],
        ['20240102000000', 'posts', 1],
        ['20240103000000', 'fn', 1],
        ['20240104000000', 'index', 1],
      ].map(([version, description, n]) => ({
        version, description, type: '2', applied: String(n), total: String(n), error: '', error_stmt: '',
        hash: hashes.get(version as string), partial_hashes: null, partial_is_json_null: true,
        operator_version: OPERATOR, executed_at: undefined, execution_time: undefined,
      })),
    );
    for (const r of rows) {
      expect(r.executed_at).toBeInstanceOf(Date);
      expect(Number(r.execution_time)).toBeGreaterThanOrEqual(0);
      expect(r.hash).not.toMatch(/^h1:/);
    }
    expect((await query(url, 'SELECT * FROM users'))).toEqual([{ id: 1, name: 'a;b' }]);
    expect(await tableExists(url, 'posts_user_idx')).toBe(true);

    const columns = await query(
      url,
      `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'atlas_schema_revisions' AND table_name = 'atlas_schema_revisions' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => Object.values(c).join(' '))).toEqual([
      'version character varying NO ', 'description character varying NO ', 'type bigint NO 2', 'applied bigint NO 0',
      'total bigint NO 0', 'executed_at timestamp with time zone NO ', 'execution_time bigint NO ', 'error text YES ',
      'error_stmt text YES ', 'hash character varying NO ', 'partial_hashes jsonb YES ', 'operator_version character varying NO ',
    ]);

    const again = await apply(url, dir);
    expect(again.applied).toEqual([]);
    expect(again.currentVersion).toBe('20240104000000');
    expect(await migrationStatus({ connectionString: url, dir, logger: silentLogger })).toMatchObject({
      status: 'OK', currentVersion: '20240104000000', pending: [], appliedCount: 4,
    });
  });

  it('refuses a directory edited after apply, naming the file, before touching the database', async () => {
    const url = await scratch();
    const dir = await migrationDir(SMALL);
    await apply(url, dir);
    await writeFile(join(dir, '20240105000000_more.sql'), 'CREATE TABLE more (a int);\n');
    await writeSumFile(dir);
    await writeFile(join(dir, '20240102000000_posts.sql'), '-- edited\n', { flag: 'a' });

    const err = await apply(url, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AtlasChecksumError);
    expect((err as AtlasChecksumError).detail).toEqual({ file: '20240102000000_posts.sql', reason: 'edited', line: 3 });
    expect(await tableExists(url, 'more')).toBe(false);
    expect(await revisions(url)).toHaveLength(4);
    // Refused before connecting: an unreachable server gives the same checksum error.
    await expect(apply('postgres://nobody@127.0.0.1:1/none', dir)).rejects.toBeInstanceOf(AtlasChecksumError);
  });

  it('a file failing midway (txmode file) leaves nothing of it; earlier files stay; the fixed file applies', async () => {
    const url = await scratch();
    const dir = await migrationDir({
      '1_ok.sql': 'CREATE TABLE ok1 (id int);\n',
      '2_bad.sql': 'CREATE TABLE bad2 (id int);\nINSERT INTO bad2 VALUES (1);\nSELECT 1/0;\n',
    });
    const err = await apply(url, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationExecutionError);
    expect((err as Error).message).toContain('executing statement "SELECT 1/0;" from version "2"');
    expect((err as Error).message).toContain('division by zero');
    expect(await tableExists(url, 'ok1')).toBe(true);
    expect(await tableExists(url, 'bad2')).toBe(false);
    expect((await revisions(url)).map((r) => r.version)).toEqual(['1']);

    await writeFile(join(dir, '2_bad.sql'), 'CREATE TABLE bad2 (id int);\nINSERT INTO bad2 VALUES (1);\nSELECT 1/1;\n');
    await writeSumFile(dir);
    const summary = await apply(url, dir);
    expect(summary.applied.map((f) => [f.name, f.resumedAt])).toEqual([['2_bad.sql', 0]]);
    expect((await revisions(url)).map((r) => [r.version, r.applied, r.total])).toEqual([['1', '1', '1'], ['2', '3', '3']]);
  });

  it('txmode none: a failure leaves a partial revision, an edited history is refused, the fixed file resumes', async () => {
    const url = await scratch();
    const second = '-- atlas:txmode none\n\n-- Create a table.\nCREATE TABLE t1 (a INTEGER PRIMARY KEY);\n\n-- Cause migrations to fail.\nINSERT INTO t1 VALUES (1), (1);\n';
    const dir = await migrationDir({
      '20220925092817_initial.sql': '-- create "users" table\nCREATE TABLE users (id integer NOT NULL, name text NULL, PRIMARY KEY (id));\n',
      '20220925094021_second.sql': second,
    });
    await expect(apply(url, dir)).rejects.toThrow(/duplicate key value/);
    const [, partial] = await revisions(url);
    expect(partial).toMatchObject({
      version: '20220925094021', description: 'second', type: '2', applied: '1', total: '2',
      partial_hashes: ['h1:Y7Luop+qt3lRR56t7/e4H4WsFRiedsJGQtBM89FJSFA='],
      error_stmt: 'INSERT INTO t1 VALUES (1), (1);',
    });
    expect(partial.error).toMatch(/duplicate key value violates unique constraint/);
    expect(await tableExists(url, 't1')).toBe(true);
    expect(await migrationStatus({ connectionString: url, dir, logger: silentLogger })).toMatchObject({
      status: 'PARTIAL', currentVersion: '20220925094021', pending: ['20220925094021_second.sql'],
      lastError: { version: '20220925094021', statement: 'INSERT INTO t1 VALUES (1), (1);', applied: 1, total: 2 },
    });

    await writeFile(join(dir, '20220925094021_second.sql'), second.replace('a INTEGER PRIMARY KEY', 'a BIGINT PRIMARY KEY'));
    await writeSumFile(dir);
    await expect(apply(url, dir)).rejects.toThrow('history changed: statement 1 from file "20220925094021_second.sql" changed');

    await writeFile(join(dir, '20220925094021_second.sql'), second.replace('(1), (1)', '(1), (2)'));
    await writeSumFile(dir);
    const summary = await apply(url, dir);
    expect(summary.applied.map((f) => [f.name, f.resumedAt, f.statements])).toEqual([['20220925094021_second.sql', 1, 2]]);
    const [, done] = await revisions(url);
    expect(done).toMatchObject({ applied: '2', total: '2', error: '', error_stmt: '', partial_is_json_null: true });
    expect(done.executed_at).toEqual(partial.executed_at);
    expect(await query(url, 'SELECT a FROM t1 ORDER BY a')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('first run on a non-empty public schema needs baseline or allow-dirty', async () => {
    const url = await scratch();
    await query(url, 'CREATE TABLE legacy (id int)');
    const dir = await migrationDir({ '1_base.sql': 'CREATE TABLE legacy (id int);\n', '2_next.sql': 'CREATE TABLE next2 (id int);\n' });
    await expect(apply(url, dir)).rejects.toThrow(
      'connected database is not clean: found table "legacy" in schema "public". baseline version or allow-dirty is required',
    );
    const summary = await apply(url, dir, { baseline: '1' });
    expect(summary.baseline).toBe('1');
    expect(summary.applied.map((f) => f.name)).toEqual(['2_next.sql']);
    expect((await revisions(url)).map((r) => [r.version, r.type, r.applied, r.total, r.hash, r.partial_is_json_null])).toEqual([
      ['1', '1', '0', '0', '', true],
      ['2', '2', '1', '1', (await hashDir(dir))[1].hash, true],
    ]);
  });

  it('amount limits how many files run', async () => {
    const url = await scratch();
    const dir = await migrationDir({ '1_a.sql': 'CREATE TABLE a1 (id int);\n', '2_b.sql': 'CREATE TABLE b2 (id int);\n' });
    expect((await apply(url, dir, { amount: 1 })).applied.map((f) => f.name)).toEqual(['1_a.sql']);
    expect((await migrationStatus({ connectionString: url, dir, logger: silentLogger })).pending).toEqual(['2_b.sql']);
    expect((await apply(url, dir)).applied.map((f) => f.name)).toEqual(['2_b.sql']);
  });

  it('a schema-scoped URL sets the session search_path and limits the clean check to that schema', async () => {
    const url = await scratch();
    await query(url, 'CREATE SCHEMA app; CREATE TABLE public.unrelated (id int)');
    const scoped = `${url}?search_path=app&sslmode=disable`;
    const dir = await migrationDir({ '1_t.sql': 'CREATE TABLE things (id int);\n' });
    expect((await apply(scoped, dir)).applied).toHaveLength(1);
    expect(await tableExists(url, 'app.things')).toBe(true);
    expect(await tableExists(url, 'public.things')).toBe(false);
  });

  it('a trailing comment without newline is an (empty) statement; the cloud identifier row is ignored', async () => {
    const url = await scratch();
    const dir = await migrationDir({ '1_c.sql': 'CREATE TABLE c1 (id int);\n-- trailing note' });
    expect((await apply(url, dir)).applied.map((f) => f.statements)).toEqual([2]);
    await query(
      url,
      `INSERT INTO atlas_schema_revisions.atlas_schema_revisions
         (version, description, executed_at, execution_time, hash, operator_version)
       VALUES ('.atlas_cloud_identifier', gen_random_uuid()::text, now(), 0, '', 'Atlas CLI')`,
    );
    expect((await apply(url, dir)).applied).toEqual([]);
    expect(await migrationStatus({ connectionString: url, dir, logger: silentLogger })).toMatchObject({
      status: 'OK', currentVersion: '1', appliedCount: 1,
    });
  });

  it('a file that cannot be split into statements is refused before anything runs', async () => {
    const url = await scratch();
    const dir = await migrationDir({ '1_ok.sql': 'CREATE TABLE ok1 (id int);\n', '2_bad.sql': "SELECT 'unclosed;\n" });
    await expect(apply(url, dir)).rejects.toThrow(/scanning statements from "2_bad.sql": 1:8: unclosed quote/);
    expect(await tableExists(url, 'ok1')).toBe(false);
    expect(await revisions(url)).toEqual([]);
  });
});
