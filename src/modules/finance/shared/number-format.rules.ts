/**
 * Number formats of invoices, cancellations and quotes: literal characters, `{YYYY}` for the year
 * and `{N…}` for the serial zero-padded to as many digits as there are N's (at least 3, at most 10),
 * each exactly once. `RE-{YYYY}-{NNNNNN}` → `RE-2026-000123`.
 */
const TOKEN = /\{(YYYY|N{3,10})\}/g;
const LITERAL = /^[A-Za-z0-9\-/_.]*$/;

export function isValidNumberFormat(format: string): boolean {
  if (format.length > 40) return false;
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1]);
  const literal = format.replace(TOKEN, '');
  return tokens.filter((t) => t === 'YYYY').length === 1 && tokens.filter((t) => t.startsWith('N')).length === 1 && LITERAL.test(literal);
}

/** The number of serial `serial` in `year`; a serial wider than the padding is written in full. */
export function formatNumber(format: string, year: number, serial: number): string {
  return format.replace(TOKEN, (_match, token: string) => (token === 'YYYY' ? String(year) : String(serial).padStart(token.length, '0')));
}

/** The series a format numbers: the format itself, so changing the format starts a new series. */
export function seriesKey(format: string): string {
  return format;
}
