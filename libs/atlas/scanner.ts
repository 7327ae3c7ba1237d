// A port of Atlas' statement scanner (sql/migrate/lex.go) with the options its
// PostgreSQL driver uses: MatchBegin, MatchBeginAtomic, MatchDollarQuote, no
// backslash escapes, no `#` comments, no `GO`. The statement texts must be identical
// to Atlas' because their count is the revision's `total` and their bytes feed the
// `partial_hashes`. Positions are UTF-16 indexes; every decision the scanner makes
// looks at ASCII characters, so this is equivalent to Atlas' byte offsets for valid
// UTF-8 input.
import { directive } from './directives';
import { goTrimLeftSpace, goTrimSpace } from './go-strings';

export interface ScannedStatement {
  /** Statement text as Atlas executes it (trimmed; keeps the default `;`). */
  text: string;
  /** Comment lines directly above the statement (dropped from `text`). */
  comments: string[];
}

export class ScanError extends Error {
  override name = 'ScanError';
}

const DEFAULT_DELIMITER = ';';
const DELIMITER_CMD = 'delimiter';
const EOS = -1;

// Go's RE2 `\s` is ASCII-only: [\t\n\f\r ].
const reDollarQuote = /\$([A-Za-z\u00C8-\u00FF_][A-Za-z0-9_\u00C8-\u00FF]*)*\$/y;
const reBeginAtomic = /[\t\n\f\r ]*BEGIN[\t\n\f\r ]+ATOMIC[\t\n\f\r ]+/iy;
const reBegin = /[\t\n\f\r ]*BEGIN[\t\n\f\r ]+/iy;
const reEnd = /^[\t\n\f\r ]*END[\t\n\f\r ]*/i;

function matchAt(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

function unescapeDelimiter(d: string): string {
  return d.replace(/\\[nrt]/g, (m) => (m === '\\n' ? '\n' : m === '\\r' ? '\r' : '\t'));
}

class Scanner {
  private src = '';
  private input = '';
  private pos = 0;
  private total = 0;
  private width = 0;
  private delim = DEFAULT_DELIMITER;
  private comments: string[] = [];

  init(input: string): void {
    this.comments = [];
    this.pos = 0;
    this.total = 0;
    this.width = 0;
    this.src = input;
    this.input = input;
    this.delim = DEFAULT_DELIMITER;
    const d = directive(input, 'delimiter', '-- ');
    if (d !== undefined) {
      this.setDelim(d);
      const nl = input.indexOf('\n');
      if (nl === -1) throw this.error(this.pos, `no input found after delimiter "${d}"`);
      this.input = input.slice(nl + 1);
    }
  }

  scanAll(): ScannedStatement[] {
    const out: ScannedStatement[] = [];
    for (;;) {
      const s = this.stmt();
      if (s === null) return out;
      out.push(s);
    }
  }

  /** Returns null at end of input. */
  stmt(): ScannedStatement | null {
    let depth = 0;
    let openingPos = 0;
    let text: string;
    this.skipSpaces();
    for (;;) {
      const r = this.next();
      if (r === EOS) {
        if (depth > 0) throw this.error(openingPos, "unclosed '('");
        if (this.pos > 0) {
          text = this.input;
          break;
        }
        return null;
      } else if (r === 0x28 /* ( */) {
        if (depth === 0) openingPos = this.pos;
        depth++;
      } else if (r === 0x29 /* ) */) {
        if (depth === 0) throw this.error(this.pos, "unexpected ')'");
        depth--;
      } else if (r === 0x27 || r === 0x22 || r === 0x60 /* ' " ` */) {
        this.skipQuote(r);
      } else if (this.pos === 1 && this.input.length > DELIMITER_CMD.length && this.startsWithDelimiterCmd()) {
        this.addPos(DELIMITER_CMD.length - 1);
        this.delimCmd();
        this.skipSpaces();
      } else if (depth === 0 && this.input.startsWith(this.delim, this.pos - this.width)) {
        // Delimiters take precedence over comments.
        this.addPos(this.delim.length - this.width);
        text = this.input.slice(0, this.pos);
        break;
      } else if (r === 0x24 /* $ */ && matchAt(reDollarQuote, this.input, this.pos - 1) !== null) {
        this.skipDollarQuote();
      } else if (r === 0x2d /* - */ && this.pick() === 0x2d) {
        this.next();
        this.comment('--', '\n');
      } else if (r === 0x2f /* / */ && this.pick() === 0x2a /* * */) {
        this.next();
        this.comment('/*', '*/');
      } else if (this.delim === DEFAULT_DELIMITER && matchAt(reBeginAtomic, this.input, this.pos - 1) !== null) {
        if (this.skipBlock(reBeginAtomic, (t) => reEnd.test(t))) {
          text = this.input.slice(0, this.pos);
          break;
        }
      } else if (
        this.delim === DEFAULT_DELIMITER &&
        ((this.pos === 1 && matchAt(reBegin, this.input, 0) !== null) ||
          (this.pos > 1 && matchAt(reBegin, this.input, this.pos - 2) !== null))
      ) {
        if (this.skipBlock(reBegin, (t) => this.isBlockEnd(t))) {
          text = this.input.slice(0, this.pos);
          break;
        }
      }
    }
    return this.emit(text);
  }

  private startsWithDelimiterCmd(): boolean {
    for (let i = 0; i < DELIMITER_CMD.length; i++) {
      let c = this.input.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== DELIMITER_CMD.charCodeAt(i)) return false;
    }
    return true;
  }

  private next(): number {
    if (this.pos >= this.input.length) return EOS;
    const c = this.input.codePointAt(this.pos)!;
    this.width = c > 0xffff ? 2 : 1;
    this.addPos(this.width);
    return c;
  }

  private pick(): number {
    const [p, w, t] = [this.pos, this.width, this.total];
    const r = this.next();
    [this.pos, this.width, this.total] = [p, w, t];
    return r;
  }

  private addPos(p: number): void {
    this.pos += p;
    this.total += p;
  }

  // Atlas means to honour backslashes inside E'…' strings, but its check looks at the
  // quote itself rather than the character before it, so escapes never apply.
  private skipQuote(quote: number): void {
    const start = this.pos;
    for (;;) {
      const r = this.next();
      if (r === EOS) throw this.error(start, `unclosed quote ${quote === 0x27 ? "'\\''" : `'${String.fromCodePoint(quote)}'`}`);
      if (r === quote) return;
    }
  }

  private skipDollarQuote(): void {
    const m = matchAt(reDollarQuote, this.input, this.pos - 1)!;
    this.addPos(m.length - 1);
    for (;;) {
      const r = this.next();
      // An unterminated dollar quote runs to the end of the input (the delimiter is never empty).
      if (r === EOS) return;
      if (r === 0x24 && this.input.startsWith(m, this.pos - 1)) {
        this.addPos(m.length - 1);
        return;
      }
    }
  }

  private isBlockEnd(text: string): boolean {
    const m = reEnd.exec(text);
    if (!m) return false;
    return m[0].length === text.length || text.slice(m[0].length) === this.delim;
  }

  /**
   * BEGIN [ATOMIC] … END: scans the following statements with a nested scanner until
   * one satisfies `isEnd`. Like Atlas, the position stays past the BEGIN keyword even
   * when no block is found (that only skips whitespace).
   */
  private skipBlock(re: RegExp, isEnd: (text: string) => boolean): boolean {
    const m = matchAt(re, this.input, this.pos - 1);
    if (m === null) return false;
    this.addPos(m.length - 1);
    const body = new Scanner();
    try {
      body.init(this.input.slice(this.pos));
      for (;;) {
        const s = body.stmt();
        if (s === null) return false;
        if (isEnd(s.text)) break;
      }
    } catch (err) {
      if (err instanceof ScanError) return false;
      throw err;
    }
    this.addPos(body.total);
    return true;
  }

  private comment(left: string, right: string): void {
    const idx = this.input.indexOf(right, this.pos);
    // Without its terminator it is not a comment: the characters stay statement text.
    if (idx === -1) return;
    const i = idx - this.pos;
    if (this.pos !== left.length) {
      this.addPos(i + right.length);
      return;
    }
    this.addPos(i + right.length);
    // Nothing but the comment was scanned: keep it aside instead of in the statement.
    this.comments.push(this.input.slice(0, this.pos));
    this.input = this.input.slice(this.pos);
    this.pos = 0;
    if (this.input.startsWith('\n\n') || (right === '\n' && this.input.startsWith('\n'))) {
      this.comments = [];
    }
    this.skipSpaces();
  }

  private skipSpaces(): void {
    const n = this.input.length;
    this.input = goTrimLeftSpace(this.input);
    this.total += n - this.input.length;
  }

  private emit(raw: string): ScannedStatement {
    let text = raw;
    const comments = this.comments;
    this.input = this.input.slice(this.pos);
    this.pos = 0;
    this.comments = [];
    if (this.delim !== DEFAULT_DELIMITER && text.endsWith(this.delim)) {
      text = text.slice(0, text.length - this.delim.length);
    }
    return { text: goTrimSpace(text), comments };
  }

  /** The MySQL client `DELIMITER x` command (part of Atlas' generic scanner). */
  private delimCmd(): void {
    if (this.pick() !== 0x20) return;
    for (let r = this.pick(); r !== EOS && r !== 0x0a; r = this.next()) {
      // consume up to and including the end of the line
    }
    let d = goTrimSpace(this.input.slice(DELIMITER_CMD.length, this.pos));
    if (d.startsWith("'") && d.endsWith("'") && d.length >= 2) {
      d = d.slice(1, -1).split("''").join("'");
    }
    this.setDelim(d);
    this.emit(this.input.slice(0, this.pos));
  }

  private setDelim(d: string): void {
    if (d === '') throw new ScanError('empty delimiter');
    this.delim = unescapeDelimiter(d);
  }

  private error(pos: number, msg: string): ScanError {
    const p = this.src.length - this.input.length + pos;
    const before = this.src.slice(0, p);
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = line === 1 ? p : p - before.lastIndexOf('\n') - 1;
    return new ScanError(`${line}:${col}: ${msg}`);
  }
}

/** Splits a migration file into statements exactly like `atlas migrate apply` on PostgreSQL. */
export function scanStatements(content: string): ScannedStatement[] {
  const s = new Scanner();
  s.init(content);
  return s.scanAll();
}

export function splitStatements(content: string): string[] {
  return scanStatements(content).map((s) => s.text);
}
