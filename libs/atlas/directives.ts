// `atlas:` directives and file-name conventions (Atlas sql/migrate/dir.go).
import { goTrimSpace } from './go-strings';

// Go: ^([ -~]*)atlas:(\w+)(?: +([^\n]+))*  — `[^\n]` (unlike JS `.`) accepts `\r`,
// so a CRLF first line yields an argument ending in "\r".
const reDirective = /^([ -~]*)atlas:([A-Za-z0-9_]+)(?: +([^\n]+))*/;

/**
 * Matches a directive on the first line of `content`. Returns its argument ('' when
 * it has none) or undefined. With `prefix`, the text before `atlas:` must equal it.
 */
export function directive(content: string, name: string, prefix?: string): string | undefined {
  const m = reDirective.exec(content);
  if (!m || m[2] !== name) return undefined;
  if (prefix !== undefined && m[1] !== prefix) return undefined;
  return m[3] ?? '';
}

/** `atlas:sum ignore` on the first line (any prefix, argument exactly "ignore"). */
export function hasSumIgnore(bytes: Buffer): boolean {
  const nl = bytes.indexOf(0x0a);
  // latin1 keeps one char per byte, as Go's regexp sees the raw bytes here.
  const firstLine = bytes.subarray(0, nl === -1 ? bytes.length : nl).toString('latin1');
  return directive(firstLine, 'sum') === 'ignore';
}

/**
 * The header comment lines of a file (`--` or `#` lines at the very top, trimmed).
 * They only count when followed by an empty line; otherwise they belong to the first
 * statement and Atlas ignores them as directives.
 */
export function headerComments(content: string): string[] {
  const comments: string[] = [];
  let rest = content;
  while (rest.startsWith('#') || rest.startsWith('--')) {
    const idx = rest.indexOf('\n');
    if (idx === -1) {
      comments.push(rest);
      break;
    }
    comments.push(goTrimSpace(rest.slice(0, idx)));
    rest = rest.slice(idx + 1);
  }
  if (!rest.replace(/^[ \t]+/, '').startsWith('\n')) return [];
  return comments;
}

export function fileDirectives(content: string, name: string): string[] {
  const out: string[] = [];
  for (const c of headerComments(content)) {
    const d = directive(c, name);
    if (d !== undefined) out.push(d);
  }
  return out;
}

export type TxMode = 'file' | 'none';

/** Per-file transaction mode; `fileName` is only used in error messages. */
export function fileTxMode(content: string, fileName: string, defaultMode: TxMode = 'file'): TxMode {
  const ds = fileDirectives(content, 'txmode');
  if (ds.length === 0) return defaultMode;
  if (ds.length > 1) throw new Error(`multiple txmode directives found in file "${fileName}"`);
  const mode = ds[0];
  if (mode === 'none' || mode === 'file') return mode;
  if (mode === 'all') throw new Error(`txmode "all" is not allowed in file directive "${fileName}"`);
  throw new Error(`unknown txmode "${mode}" found in file directive "${fileName}"`);
}

export function isCheckpoint(content: string): boolean {
  return fileDirectives(content, 'checkpoint').length > 0;
}

/** File name minus `.sql`, cut at the first `_`. */
export function fileVersion(name: string): string {
  const stem = name.endsWith('.sql') ? name.slice(0, -4) : name;
  const i = stem.indexOf('_');
  return i === -1 ? stem : stem.slice(0, i);
}

/** Everything after the first `_`, minus `.sql`; '' without `_`. */
export function fileDescription(name: string): string {
  const i = name.indexOf('_');
  if (i === -1) return '';
  const rest = name.slice(i + 1);
  return rest.endsWith('.sql') ? rest.slice(0, -4) : rest;
}
