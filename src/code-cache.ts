import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** A CommonJS file run with a V8 code cache: its exports, and how to store the cache for next time. */
export interface CachedModule {
  exports: Record<string, unknown>;
  /** Whether V8 used a stored cache for this run (false: none, stale or rejected). */
  cacheUsed: boolean;
  /**
   * Stores the code compiled so far (call it once the program has done its start-up work, so the
   * functions start-up runs are in it). Does nothing when the stored cache was used; a file that
   * cannot be written (a read-only image) is left alone: the next start compiles as this one did.
   */
  saveCache(): void;
}

/**
 * Runs `file` as a CommonJS module, compiled with the V8 code cache in `cacheFile` when there is
 * one that fits. Compiling the ~7 MB server bundle is a large part of every start (bench/boot);
 * with the cache V8 deserialises the bytecode instead. V8 checks that a cache belongs to this
 * source text, V8 version and flags, and rejects it otherwise (then it is rewritten).
 *
 * Code in `file` must not use dynamic `import()`: V8 drops the import callback of functions it
 * restores from a cache. The bundle has none (esbuild.config.js turns them into `require`).
 */
export function runWithCodeCache(file: string, cacheFile = `${file}.cache`): CachedModule {
  const source = readFileSync(file, 'utf8');
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return {
    exports: module.exports as Record<string, unknown>,
    cacheUsed,
    saveCache: () => {
      if (!cacheUsed) writeAtomically(cacheFile, script.createCachedData());
    },
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Another instance starting at the same time may write too: each writes its own file and renames it. */
function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
