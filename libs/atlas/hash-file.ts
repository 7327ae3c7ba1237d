// atlas.sum: compute, serialise, parse and validate (Atlas sql/migrate/dir.go HashFile).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasSumIgnore } from './directives';
import { AtlasChecksumError, ChecksumErrorDetail } from './errors';
import { goTrimSpace } from './go-strings';
import { MigrationFile, SUM_FILE, readMigrationFiles } from './migration-dir';

export interface HashEntry {
  name: string;
  /** Standard base64 of the running SHA-256, without the `h1:` tag. */
  hash: string;
}

const H1 = 'h1:';

/**
 * One SHA-256 over name‖content of every file in order, digested after each file.
 * A file whose first line says `atlas:sum ignore` contributes only its name.
 */
export function computeHashEntries(files: ReadonlyArray<Pick<MigrationFile, 'name' | 'bytes'>>): HashEntry[] {
  const h = createHash('sha256');
  const entries: HashEntry[] = [];
  for (const f of files) {
    h.update(Buffer.from(f.name, 'utf8'));
    if (hasSumIgnore(f.bytes)) continue;
    h.update(f.bytes);
    entries.push({ name: f.name, hash: h.copy().digest('base64') });
  }
  return entries;
}

/** The first line of atlas.sum: SHA-256 over name‖base64-hash of every entry. */
export function hashTotal(entries: readonly HashEntry[]): string {
  const t = createHash('sha256');
  for (const e of entries) {
    t.update(Buffer.from(e.name, 'utf8'));
    t.update(Buffer.from(e.hash, 'utf8'));
  }
  return t.digest('base64');
}

export function serializeHashFile(entries: readonly HashEntry[]): string {
  return `${H1}${hashTotal(entries)}\n` + entries.map((e) => `${e.name} ${H1}${e.hash}\n`).join('');
}

/** Go bufio.ScanLines: split on \n, drop one trailing \r, no empty last line. */
function scanLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Parses atlas.sum and checks its stated total against its own lines. */
export function parseHashFile(content: string | Buffer, dir = '.'): HashEntry[] {
  const lines = scanLines(typeof content === 'string' ? content : content.toString('utf8'));
  const first = lines[0] ?? '';
  const stated = first.startsWith(H1) ? first.slice(H1.length) : first;
  const entries: HashEntry[] = [];
  for (const line of lines.slice(1)) {
    const i = line.indexOf(H1);
    if (i === -1) throw new AtlasChecksumError('checksum-format', dir);
    entries.push({ name: goTrimSpace(line.slice(0, i)), hash: line.slice(i + H1.length) });
  }
  if (stated !== hashTotal(entries)) throw new AtlasChecksumError('checksum-mismatch', dir);
  return entries;
}

export async function hashDir(dir: string): Promise<HashEntry[]> {
  return computeHashEntries(await readMigrationFiles(dir));
}

/** Rewrites atlas.sum from the directory (what `atlas migrate hash` does). */
export async function writeSumFile(dir: string): Promise<string> {
  const content = serializeHashFile(await hashDir(dir));
  await writeFile(join(dir, SUM_FILE), content, { mode: 0o644 });
  return content;
}

/** First line where the recorded sum and the directory part ways (Atlas ChecksumError). */
export function diffHashEntries(
  recorded: readonly HashEntry[],
  actual: readonly HashEntry[],
  dirFileNames: ReadonlySet<string>,
): ChecksumErrorDetail | undefined {
  for (let i = 0; i < recorded.length; i++) {
    const r = recorded[i];
    const a = actual[i];
    if (a && a.name === r.name && a.hash === r.hash) continue;
    const line = i + 2;
    if (!dirFileNames.has(r.name)) return { file: r.name, reason: 'removed', line };
    if (!a || a.name === r.name) return { file: r.name, reason: 'edited', line };
    return { file: a.name, reason: 'added', line };
  }
  if (actual.length > recorded.length) {
    const i = recorded.length;
    return { file: actual[i].name, reason: 'added', line: i + 2 };
  }
  return undefined;
}

export type DirValidation =
  | { ok: true; files: MigrationFile[]; entries: HashEntry[] }
  | { ok: false; error: AtlasChecksumError };

/** Atlas `Validate(dir)`: atlas.sum must exist (if there are files) and match. */
export async function validateDir(dir: string): Promise<DirValidation> {
  const files = await readMigrationFiles(dir);
  const entries = computeHashEntries(files);
  let content: Buffer;
  try {
    content = await readFile(join(dir, SUM_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (files.length > 0) return { ok: false, error: new AtlasChecksumError('checksum-not-found', dir) };
    return { ok: true, files, entries };
  }
  let recorded: HashEntry[];
  try {
    recorded = parseHashFile(content, dir);
  } catch (err) {
    if (err instanceof AtlasChecksumError) return { ok: false, error: err };
    throw err;
  }
  if (hashTotal(recorded) === hashTotal(entries)) return { ok: true, files, entries };
  const detail = diffHashEntries(recorded, entries, new Set(files.map((f) => f.name)));
  return { ok: false, error: new AtlasChecksumError('checksum-mismatch', dir, detail) };
}

/** Like validateDir, but throws the AtlasChecksumError. */
export async function assertValidDir(dir: string): Promise<{ files: MigrationFile[]; entries: HashEntry[] }> {
  const v = await validateDir(dir);
  if (!v.ok) throw v.error;
  return { files: v.files, entries: v.entries };
}
