import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanStatements, ScanError, splitStatements } from './scanner';
import { statementHashes } from './statement-hashes';

const VECTORS = '/work/shared/atlas-vectors';

// "PG stmts" of /work/shared/atlas-vectors/README.md.
const EXPECTED: Record<string, Record<string, number>> = {
  'goose-dollar-quote': { '1_initial.sql': 4, '2_second_migration.sql': 2 },
  'flyway-six-files': {
    'B2__baseline.sql': 2, 'R__views.sql': 1, 'U1__initial.sql': 1,
    'V1__initial.sql': 3, 'V2__second_migration.sql': 1, 'V3__third_migration.sql': 1,
  },
  'partial-checkpoint': {
    '1_first.sql': 1, '2_second.sql': 1, '3_checkpoint.sql': 2, '4_fourth.sql': 1, '5_checkpoint.sql': 3, '6_sixth.sql': 1,
  },
  'nested-subdir': { '1_initial.down.sql': 1, '1_initial.up.sql': 1 },
  'nested-subdir/sub': { '1.a_sub.up.sql': 2, '2.10.x-20_description.sql': 1, '3_partly.sql': 2 },
  'comments-multistmt': { '20220925092817_initial.sql': 1, '20220925094021_second.sql': 3, '20220925094437_third.sql': 6 },
  'txmode-none': { '20220925092817_initial.sql': 1, '20220925094021_second.sql': 2 },
  templatedir: { '1.sql': 3, '2.sql': 3 },
  'mixed-version-width': { '1_baseline.sql': 1, '20220318104614_initial.sql': 1, '20220318104615_second.sql': 1 },
  'postgres-initial': { '1_initial.sql': 2 },
};

const read = (dir: string, name: string) => readFileSync(join(VECTORS, dir, name), 'utf8');

describe('scanner: statement counts of the vector files', () => {
  const cases = Object.entries(EXPECTED).flatMap(([dir, files]) =>
    Object.entries(files).map(([name, n]) => [dir, name, n] as const),
  );
  it.each(cases)('%s/%s splits into %i statements', (dir, name, n) => {
    expect(splitStatements(read(dir, name))).toHaveLength(n);
  });

  it('keeps a dollar-quoted plpgsql body with ;, quotes and -- comments in one statement', () => {
    const stmts = splitStatements(read('goose-dollar-quote', '2_second_migration.sql'));
    expect(stmts[0]).toMatch(/^CREATE\nOR REPLACE FUNCTION histories_partition_creation/);
    expect(stmts[0]).toMatch(/\$\$\nlanguage plpgsql;$/);
    // A trailing `--` comment without a newline is not a comment: it becomes a statement.
    expect(stmts[1]).toBe('-- +goose StatementEnd');
  });

  it('drops comments directly above statements and keeps the ;', () => {
    const stmts = scanStatements(read('comments-multistmt', '20220925094437_third.sql'));
    expect(stmts[0]).toEqual({ text: 'PRAGMA foreign_keys = off;', comments: ['-- disable the enforcement of foreign-keys constraints\n'] });
    expect(stmts[5].text).toBe('PRAGMA foreign_keys = on;');
  });

  it('keeps a multi-line string with an empty line inside one statement', () => {
    const stmts = splitStatements(read('flyway-six-files', 'V1__initial.sql'));
    expect(stmts[2]).toBe("INSERT INTO post (title, created_at) VALUES (\n'This is\nmy multiline\n\nvalue', NOW());");
  });
});

describe('scanner: examples of atlas-compat.md §4', () => {
  it('a trailing comment after the statement is dropped', () => {
    expect(splitStatements('CREATE TABLE t(a int); -- x\n')).toEqual(['CREATE TABLE t(a int);']);
  });

  it('a ; inside a block comment does not split', () => {
    expect(splitStatements('SELECT 1 /* ; */ + 1;')).toEqual(['SELECT 1 /* ; */ + 1;']);
  });

  it('a plpgsql function with a tagged dollar quote is one statement', () => {
    const fn =
      'CREATE FUNCTION f() RETURNS trigger AS $fn$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$fn$ LANGUAGE plpgsql;';
    expect(splitStatements(`${fn}\nSELECT 1;\n`)).toEqual([fn, 'SELECT 1;']);
  });

  it('an unterminated -- comment is a statement, a terminated one is nothing', () => {
    expect(splitStatements('-- only a comment')).toEqual(['-- only a comment']);
    expect(splitStatements('-- only a comment\n')).toEqual([]);
  });

  it('BEGIN TRANSACTION; …; END; is swallowed into one statement, BEGIN; is not', () => {
    expect(splitStatements('BEGIN TRANSACTION;\nCREATE TABLE a(x int);\nEND;\n')).toEqual([
      'BEGIN TRANSACTION;\nCREATE TABLE a(x int);\nEND;',
    ]);
    expect(splitStatements('BEGIN;\nCREATE TABLE a(x int);\nCOMMIT;\n')).toHaveLength(3);
  });

  it('BEGIN ATOMIC … END is one statement', () => {
    const fn = 'CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT a + 1;\n  SELECT a;\nEND;';
    expect(splitStatements(`${fn}\nSELECT 2;`)).toEqual([fn, 'SELECT 2;']);
  });

  it('$1 is not a dollar quote; an unterminated dollar quote runs to the end', () => {
    expect(splitStatements('PREPARE p AS SELECT $1; SELECT 2;')).toEqual(['PREPARE p AS SELECT $1;', 'SELECT 2;']);
    expect(splitStatements('SELECT $$a; SELECT 2;')).toEqual(['SELECT $$a; SELECT 2;']);
  });

  it('backslash is no escape, not even in E strings (Atlas fails on E\'it\\\'s\')', () => {
    expect(splitStatements("SELECT 'a\\'; SELECT 2;")).toEqual(["SELECT 'a\\';", 'SELECT 2;']);
    expect(() => splitStatements("SELECT E'it\\'s';")).toThrow(ScanError);
    expect(() => splitStatements("SELECT E'it\\'s';")).toThrow(/unclosed quote/);
  });

  it('parentheses: ; inside does not split, unbalanced ones are errors', () => {
    expect(splitStatements('SELECT (1;2);')).toEqual(['SELECT (1;2);']);
    expect(() => splitStatements('SELECT 1);')).toThrow(/unexpected '\)'/);
    expect(() => splitStatements('SELECT (1;')).toThrow(/unclosed '\('/);
  });

  it('reports errors with line:column like Atlas (TestLex_Errors)', () => {
    const cases: Array<[string, string]> = [
      ["'this quote is unclosed at 1:1", "1:1: unclosed quote '\\''"],
      ["12345'this quote is unclosed at pos 7", "1:6: unclosed quote '\\''"],
      ["unclosed '", "1:10: unclosed quote '\\''"],
      ['"unclosed double', `1:1: unclosed quote '"'`],
      ['unclosed double at 2:2\n "', `2:2: unclosed quote '"'`],
      ['unclosed double at 2:2\n\n\n\n1234"', `5:5: unclosed quote '"'`],
      ['(unclosed parentheses', "1:1: unclosed '('"],
      ['()(unclosed parentheses', "1:3: unclosed '('"],
      ['1234)6789', "1:5: unexpected ')'"],
    ];
    for (const [input, message] of cases) expect(() => splitStatements(input)).toThrow(message);
  });

  it('the atlas:delimiter directive replaces ; and is removed from the texts', () => {
    expect(splitStatements('-- atlas:delimiter \\n\\n\nSELECT 1;\nSELECT 2;\n\nSELECT 3\n')).toEqual([
      'SELECT 1;\nSELECT 2;',
      'SELECT 3',
    ]);
    expect(() => splitStatements('-- atlas:delimiter //')).toThrow(/no input found after delimiter/);
  });

  it('comment groups are detached by an empty line', () => {
    const [a, b] = scanStatements('-- header\n\n-- about a\nSELECT 1;\n/* about b */\nSELECT 2;');
    expect(a).toEqual({ text: 'SELECT 1;', comments: ['-- about a\n'] });
    expect(b).toEqual({ text: 'SELECT 2;', comments: ['/* about b */'] });
  });

  it('trims with Go semantics: a BOM is kept, U+0085 is whitespace', () => {
    expect(splitStatements('\uFEFFSELECT 1;')).toEqual(['\uFEFFSELECT 1;']);
    expect(splitStatements('\u0085SELECT 1;\u0085')).toEqual(['SELECT 1;']);
  });
});

describe('partial hashes (atlas-compat.md §5.5)', () => {
  it('reproduces the txmode-none example', () => {
    const stmts = splitStatements(read('txmode-none', '20220925094021_second.sql'));
    expect(stmts).toEqual(['CREATE TABLE t1 (a INTEGER PRIMARY KEY);', 'INSERT INTO t1 VALUES (1), (1);']);
    expect(statementHashes(stmts).map((h) => `h1:${h}`)).toEqual([
      'h1:Y7Luop+qt3lRR56t7/e4H4WsFRiedsJGQtBM89FJSFA=',
      'h1:KPbozeXT4/jyxwSNgs3wV9+5b3GvPRGx9pTWdE39+VU=',
    ]);
  });
});
