import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache';

describe('runWithCodeCache', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'renewa-code-cache-'));
    file = join(dir, 'bundle.js');
    writeFileSync(file, `exports.answer = () => 6 * 7; exports.where = () => [__filename, require('node:path').basename(__dirname)];`);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the file as a CommonJS module and uses the cache stored by an earlier run', () => {
    const first = runWithCodeCache(file);
    expect(first.cacheUsed).toBe(false);
    expect((first.exports.answer as () => number)()).toBe(42);
    expect((first.exports.where as () => unknown)()).toEqual([file, expect.stringMatching(/^renewa-code-cache-/)]);
    first.saveCache();
    expect(existsSync(`${file}.cache`)).toBe(true);

    const second = runWithCodeCache(file);
    expect(second.cacheUsed).toBe(true);
    expect((second.exports.answer as () => number)()).toBe(42);
  });

  it('rejects the cache of another source text and stores a new one', () => {
    runWithCodeCache(file).saveCache();
    writeFileSync(file, `exports.answer = () => 43;`);
    const changed = runWithCodeCache(file);
    expect(changed.cacheUsed).toBe(false);
    expect((changed.exports.answer as () => number)()).toBe(43);
    changed.saveCache();
    expect(runWithCodeCache(file).cacheUsed).toBe(true);
  });

  it('runs without a cache where none can be written', () => {
    const unwritable = join(dir, 'no-such-directory', 'bundle.js.cache');
    const run = runWithCodeCache(file, unwritable);
    expect(() => run.saveCache()).not.toThrow();
    expect(existsSync(join(dir, 'no-such-directory'))).toBe(false);
    expect((runWithCodeCache(file, unwritable).exports.answer as () => number)()).toBe(42);
  });
});
