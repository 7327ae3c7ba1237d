import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileDescription, fileVersion, isCheckpoint } from './directives';
import type { HashEntry } from './hash-file';

export interface MigrationFile {
  name: string;
  version: string;
  description: string;
  bytes: Buffer;
}

export const SUM_FILE = 'atlas.sum';

/** Atlas' `*.sql` glob: exact, case-sensitive suffix; `.sql` alone matches too. */
export function isMigrationFileName(name: string): boolean {
  return name.endsWith('.sql');
}

/** Bytewise order of the UTF-8 names (Go string comparison). */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Top-level `*.sql` files of `dir` in Atlas order, with their raw bytes. */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`migration directory not found: ${dir}`);
    }
    throw err;
  }
  const names = entries.map((e) => e.name).filter(isMigrationFileName).sort(compareNames);
  const files: MigrationFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) {
      throw new Error(`read file "${name}": ${path} is not a regular file (Atlas would fail to read it)`);
    }
    files.push({ name, version: fileVersion(name), description: fileDescription(name), bytes: await readFile(path) });
  }
  return files;
}

/** File content as the scanner sees it; Atlas works on bytes, so refuse what UTF-8 can't round-trip. */
export function fileText(file: MigrationFile): string {
  const text = file.bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(file.bytes)) {
    throw new Error(`migration file "${file.name}" is not valid UTF-8`);
  }
  return text;
}

export interface DirFile extends MigrationFile {
  text: string;
  checkpoint: boolean;
  hash: string | undefined;
}

export function describeDirFiles(files: MigrationFile[], entries: HashEntry[]): DirFile[] {
  const hashes = new Map(entries.map((e) => [e.name, e.hash]));
  return files.map((f) => {
    const text = fileText(f);
    return { ...f, text, checkpoint: isCheckpoint(text), hash: hashes.get(f.name) };
  });
}
