import { formatNumber, isValidNumberFormat } from './number-format.rules';

describe('number formats', () => {
  it('fills year and zero-padded serial', () => {
    expect(formatNumber('RE-{YYYY}-{NNNNNN}', 2026, 123)).toBe('RE-2026-000123');
    expect(formatNumber('A-{YYYY}-{NNNNNN}', 2026, 1)).toBe('A-2026-000001');
    expect(formatNumber('{YYYY}/{NNN}', 2027, 12345)).toBe('2027/12345');
  });

  it('accepts formats with exactly one year and one serial of sane width and plain literals', () => {
    expect(isValidNumberFormat('RE-{YYYY}-{NNNNNN}')).toBe(true);
    expect(isValidNumberFormat('ST{YYYY}{NNNN}')).toBe(true);
    expect(isValidNumberFormat('RE-{NNNNNN}')).toBe(false);
    expect(isValidNumberFormat('RE-{YYYY}')).toBe(false);
    expect(isValidNumberFormat('RE-{YYYY}-{NN}')).toBe(false);
    expect(isValidNumberFormat('RE-{YYYY}-{NNNN}-{NNNN}')).toBe(false);
    expect(isValidNumberFormat('RE {YYYY}-{NNNN}')).toBe(false);
    expect(isValidNumberFormat(`${'X'.repeat(40)}{YYYY}{NNNN}`)).toBe(false);
  });
});
