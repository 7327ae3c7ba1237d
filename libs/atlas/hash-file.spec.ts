import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtlasChecksumError } from './errors';
import {
  assertValidDir, computeHashEntries, hashDir, hashTotal, parseHashFile, serializeHashFile, validateDir, writeSumFile,
} from './hash-file';
import { readMigrationFiles } from './migration-dir';

const VECTORS = '/work/shared/atlas-vectors';
const VECTOR_DIRS = [
  'comments-multistmt', 'flyway-six-files', 'goose-dollar-quote', 'mixed-version-width', 'nested-subdir',
  'nested-subdir/sub', 'partial-checkpoint', 'postgres-initial', 'templatedir', 'txmode-none',
];

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'atlas-sum-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A writable copy of a vector directory (the vectors themselves are read-only). */
async function copyVector(name: string): Promise<string> {
  const dir = join(tmp, name.replace('/', '_'));
  await cp(join(VECTORS, name), dir, { recursive: true });
  await chmod(dir, 0o755);
  for (const e of await readdir(dir, { withFileTypes: true })) {
    await chmod(join(dir, e.name), e.isDirectory() ? 0o755 : 0o644);
  }
  return dir;
}

async function mismatch(dir: string) {
  const v = await validateDir(dir);
  if (v.ok) throw new Error('expected a checksum error');
  return v.error;
}

describe('atlas.sum vectors', () => {
  it('covers every vector directory', async () => {
    const dirs = (await readdir(VECTORS, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(VECTOR_DIRS.filter((d) => !d.includes('/')).sort()).toEqual(dirs.sort());
  });

  it.each(VECTOR_DIRS)('%s: reproduces atlas.sum byte for byte and validates', async (name) => {
    const dir = join(VECTORS, name);
    const expected = await readFile(join(dir, 'atlas.sum'));
    expect(Buffer.from(serializeHashFile(await hashDir(dir)), 'utf8').equals(expected)).toBe(true);
    expect((await validateDir(dir)).ok).toBe(true);
    expect(parseHashFile(expected)).toEqual(await hashDir(dir));
  });

  it('reproduces the worked example of atlas-compat.md §1.7', () => {
    const entries = computeHashEntries([
      { name: '20230727105553_init.sql', bytes: Buffer.from('CREATE TABLE t1 ( c1 int );\n') },
      { name: '20230727105615_t2.sql', bytes: Buffer.from('CREATE TABLE t2 ( c1 int, c2 text );\n') },
      { name: '20230926085734_destructive-change.sql', bytes: Buffer.from('DROP TABLE t2;\n') },
    ]);
    expect(serializeHashFile(entries)).toBe(
      'h1:hnQZfRcN6sV+y+0YePtkLazMy+Ty3lhyGv69ixeYoXc=\n' +
        '20230727105553_init.sql h1:jxgvnWO6tZD3lSPpH1ao5E/6VjapP7iwvBCUJ6aez58=\n' +
        '20230727105615_t2.sql h1:UvzeoFxe90Y/7b21ziwg6pPzWJQSV7LeYwJl8J63lMU=\n' +
        '20230926085734_destructive-change.sql h1:Gf/bSvUkfqHr/MEXKCxdGu2YvG8zwe4ER5TW8T/laA0=\n',
    );
  });

  it('an empty directory is the sha256 of nothing', () => {
    expect(serializeHashFile([])).toBe('h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n');
  });

  it('sorts bytewise, not numerically or by locale', async () => {
    for (const n of ['2_a.sql', '10_a.sql', 'R__y.sql', 'B2__x.sql', 'a.sql', 'x.SQL']) await writeFile(join(tmp, n), 'SELECT 1;');
    expect((await readMigrationFiles(tmp)).map((f) => f.name)).toEqual(['10_a.sql', '2_a.sql', 'B2__x.sql', 'R__y.sql', 'a.sql']);
  });
});

describe('tampering with a copy', () => {
  it('a byte appended to a file: edited, naming that file and its line', async () => {
    const dir = await copyVector('comments-multistmt');
    await writeFile(join(dir, '20220925094021_second.sql'), 'x', { flag: 'a' });
    const err = await mismatch(dir);
    expect(err.code).toBe('checksum-mismatch');
    expect(err.detail).toEqual({ file: '20220925094021_second.sql', reason: 'edited', line: 3 });
    expect(err.message).toContain('L3: 20220925094021_second.sql was edited');
  });

  it('a deleted file: removed', async () => {
    const dir = await copyVector('flyway-six-files');
    await unlink(join(dir, 'U1__initial.sql'));
    expect((await mismatch(dir)).detail).toEqual({ file: 'U1__initial.sql', reason: 'removed', line: 4 });
  });

  it('a new file sorting in the middle: added', async () => {
    const dir = await copyVector('partial-checkpoint');
    await writeFile(join(dir, '3a_new.sql'), 'CREATE TABLE x (a int);\n');
    expect((await mismatch(dir)).detail).toEqual({ file: '3a_new.sql', reason: 'added', line: 5 });
  });

  it('a new file at the end: added', async () => {
    const dir = await copyVector('postgres-initial');
    await writeFile(join(dir, '2_more.sql'), 'SELECT 1;\n');
    expect((await mismatch(dir)).detail).toEqual({ file: '2_more.sql', reason: 'added', line: 3 });
  });

  it('one character of line 1 of atlas.sum changed: checksum mismatch', async () => {
    const dir = await copyVector('txmode-none');
    const sum = await readFile(join(dir, 'atlas.sum'), 'utf8');
    await writeFile(join(dir, 'atlas.sum'), sum.replace('h1:tTdO', 'h1:tTdP'));
    const err = await mismatch(dir);
    expect(err.code).toBe('checksum-mismatch');
    expect(err.detail).toBeUndefined();
    expect(err.message).toMatch(/^checksum mismatch/);
    await expect(assertValidDir(dir)).rejects.toBeInstanceOf(AtlasChecksumError);
  });

  it('a non-.sql file, an upper-case .SQL file or a sub-folder does not change the sum', async () => {
    const dir = await copyVector('mixed-version-width');
    const before = await readFile(join(dir, 'atlas.sum'), 'utf8');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, '3_x.SQL'), 'SELECT 1;');
    await mkdir(join(dir, 'extra'));
    await writeFile(join(dir, 'extra', '0_first.sql'), 'SELECT 1;');
    expect(serializeHashFile(await hashDir(dir))).toBe(before);
    expect((await validateDir(dir)).ok).toBe(true);
  });

  it('a directory named x.sql is an error', async () => {
    const dir = await copyVector('postgres-initial');
    await mkdir(join(dir, '0_dir.sql'));
    await expect(validateDir(dir)).rejects.toThrow(/0_dir\.sql/);
  });

  it('missing atlas.sum: "checksum file not found" when there are .sql files, fine otherwise', async () => {
    const dir = await copyVector('goose-dollar-quote');
    await unlink(join(dir, 'atlas.sum'));
    const err = await mismatch(dir);
    expect(err.code).toBe('checksum-not-found');
    expect(err.message).toMatch(/^checksum file not found/);
    const empty = join(tmp, 'empty');
    await mkdir(empty);
    await writeFile(join(empty, 'README.md'), 'no migrations yet');
    expect((await validateDir(empty)).ok).toBe(true);
  });

  it('writeSumFile regenerates a valid atlas.sum', async () => {
    const dir = await copyVector('comments-multistmt');
    const original = await readFile(join(dir, 'atlas.sum'), 'utf8');
    await writeFile(join(dir, '20220925094021_second.sql'), '-- changed\n', { flag: 'a' });
    expect((await validateDir(dir)).ok).toBe(false);
    const written = await writeSumFile(dir);
    expect(written).not.toBe(original);
    expect(await readFile(join(dir, 'atlas.sum'), 'utf8')).toBe(written);
    expect((await validateDir(dir)).ok).toBe(true);
  });
});

describe('parsing atlas.sum', () => {
  const sum = serializeHashFile([{ name: 'a.sql', hash: 'AAAA' }, { name: 'b.sql', hash: 'BBBB' }]);

  it('accepts CRLF line ends and a missing final newline', () => {
    const entries = [{ name: 'a.sql', hash: 'AAAA' }, { name: 'b.sql', hash: 'BBBB' }];
    expect(parseHashFile(sum.replace(/\n/g, '\r\n'))).toEqual(entries);
    expect(parseHashFile(sum.slice(0, -1))).toEqual(entries);
  });

  it('a line without h1: (e.g. an empty line in the middle) is "checksum file format invalid"', () => {
    const lines = sum.split('\n');
    const broken = [lines[0], lines[1], '', lines[2], ''].join('\n');
    expect(() => parseHashFile(broken)).toThrow(/^checksum file format invalid/);
  });

  it('a trailing space after a hash breaks the total', () => {
    expect(() => parseHashFile(sum.replace('BBBB\n', 'BBBB \n'))).toThrow(/^checksum mismatch/);
  });

  it('line order matters', () => {
    const lines = sum.split('\n');
    const reordered = [`h1:${hashTotal([{ name: 'b.sql', hash: 'BBBB' }, { name: 'a.sql', hash: 'AAAA' }])}`, lines[2], lines[1], ''].join('\n');
    expect(parseHashFile(reordered).map((e) => e.name)).toEqual(['b.sql', 'a.sql']);
    expect(hashTotal(parseHashFile(reordered))).not.toBe(hashTotal(parseHashFile(sum)));
  });
});

describe('atlas:sum ignore', () => {
  const file = (name: string, content: string) => ({ name, bytes: Buffer.from(content) });
  const base = [file('1_a.sql', 'SELECT 1;\n'), file('3_c.sql', 'SELECT 3;\n')];

  it.each(['-- atlas:sum ignore\nSELECT 2;\n', '//atlas:sum ignore\nx', 'atlas:sum ignore', 'atlas:sum   ignore\n'])(
    '%j is excluded but its name still feeds the running hash',
    (content) => {
      const entries = computeHashEntries([base[0], file('2_b.sql', content), base[1]]);
      expect(entries.map((e) => e.name)).toEqual(['1_a.sql', '3_c.sql']);
      const withoutB = computeHashEntries(base);
      expect(entries[0]).toEqual(withoutB[0]);
      expect(entries[1].hash).not.toBe(withoutB[1].hash);
    },
  );

  it.each([
    '/* atlas:sum ignore */\n',
    '-- atlas:sum ignore\r\nSELECT 2;\r\n',
    '-- atlas:sum ignore \n',
    'SELECT 2;\n-- atlas:sum ignore\n',
    '-- atlas:sum ignored\n',
  ])('%j is hashed normally', (content) => {
    const entries = computeHashEntries([base[0], file('2_b.sql', content), base[1]]);
    expect(entries.map((e) => e.name)).toEqual(['1_a.sql', '2_b.sql', '3_c.sql']);
  });

  it('a directory validates with an ignored file, and editing that file does not matter', async () => {
    await writeFile(join(tmp, '1_a.sql'), 'SELECT 1;\n');
    await writeFile(join(tmp, '2_b.sql'), '-- atlas:sum ignore\nSELECT 2;\n');
    const sum = await writeSumFile(tmp);
    expect(sum.split('\n')).toHaveLength(3);
    await writeFile(join(tmp, '2_b.sql'), '-- atlas:sum ignore\nSELECT 22;\n');
    expect((await validateDir(tmp)).ok).toBe(true);
  });
});
