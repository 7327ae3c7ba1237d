import { readFileSync } from 'node:fs';
import {
  directive, fileDescription, fileDirectives, fileTxMode, fileVersion, headerComments, isCheckpoint,
} from './directives';

const VECTORS = '/work/shared/atlas-vectors';

describe('file names', () => {
  it.each([
    ['20240112070806_add_users.sql', '20240112070806', 'add_users'],
    ['1.sql', '1', ''],
    ['1_initial.up.sql', '1', 'initial.up'],
    ['1.a_sub.up.sql', '1.a', 'sub.up'],
    ['B2__baseline.sql', 'B2', '_baseline'],
    ['2.10.x-20_description.sql', '2.10.x-20', 'description'],
  ])('%s -> version %j, description %j', (name, version, description) => {
    expect(fileVersion(name)).toBe(version);
    expect(fileDescription(name)).toBe(description);
  });
});

describe('directives', () => {
  it('matches any printable prefix, or exactly the given one', () => {
    expect(directive('-- atlas:delimiter //', 'delimiter', '-- ')).toBe('//');
    expect(directive('--atlas:delimiter //', 'delimiter', '-- ')).toBeUndefined();
    expect(directive('--atlas:delimiter //', 'delimiter')).toBe('//');
    expect(directive('-- atlas:checkpoint', 'checkpoint')).toBe('');
    expect(directive('-- atlas:txmode none', 'sum')).toBeUndefined();
  });

  it('header directives need the blank line after the comment block', () => {
    expect(fileTxMode('-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY i ON t (a);\n', 'f')).toBe('none');
    expect(fileTxMode('-- atlas:txmode none\n  \t\nSELECT 1;\n', 'f')).toBe('none');
    expect(fileTxMode('-- atlas:txmode none\nSELECT 1;\n', 'f')).toBe('file');
    expect(fileTxMode('-- atlas:txmode none\r\n\r\nSELECT 1;\r\n', 'f')).toBe('file');
    expect(fileTxMode('SELECT 1;\n', 'f')).toBe('file');
    expect(headerComments('-- a\n# b\n--atlas:txmode file\n\nSELECT 1;')).toEqual(['-- a', '# b', '--atlas:txmode file']);
  });

  it('txmode values: none/file accepted, all and unknown values and duplicates rejected', () => {
    expect(fileTxMode('-- atlas:txmode file\n\nSELECT 1;', 'f')).toBe('file');
    expect(() => fileTxMode('-- atlas:txmode all\n\nSELECT 1;', 'x.sql')).toThrow(/"all" is not allowed.*x\.sql/);
    expect(() => fileTxMode('-- atlas:txmode nope\n\nSELECT 1;', 'x.sql')).toThrow(/unknown txmode "nope"/);
    expect(() => fileTxMode('-- atlas:txmode none\n-- atlas:txmode file\n\nSELECT 1;', 'x.sql')).toThrow(/multiple/);
  });

  it('reads the vectors: txmode-none and the checkpoint files', () => {
    const read = (p: string) => readFileSync(`${VECTORS}/${p}`, 'utf8');
    expect(fileTxMode(read('txmode-none/20220925094021_second.sql'), 'f')).toBe('none');
    expect(fileTxMode(read('txmode-none/20220925092817_initial.sql'), 'f')).toBe('file');
    expect(isCheckpoint(read('partial-checkpoint/3_checkpoint.sql'))).toBe(true);
    expect(isCheckpoint(read('partial-checkpoint/5_checkpoint.sql'))).toBe(true);
    expect(isCheckpoint(read('partial-checkpoint/4_fourth.sql'))).toBe(false);
    expect(fileDirectives(read('partial-checkpoint/5_checkpoint.sql'), 'checkpoint')).toEqual(['']);
  });
});
