import { StreamableFile } from '@nestjs/common';
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/** One CSV column: its header and how a row yields the cell. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number | boolean | Date | null | undefined;
}

/**
 * Neutralises spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` — except plain numbers such as an E.164 phone (`+4930…`) or `-12.5`.
 */
export function sanitizeCell(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value) || /^[+-]?\d+(\.\d+)?$/.test(value)) return value;
  return `'${value}`;
}

function cell(value: ReturnType<CsvColumn<unknown>['value']>): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return sanitizeCell(String(value));
}

/**
 * Streams `rows` as a UTF-8 CSV download (with BOM, so spreadsheet programs read umlauts right).
 * Rows are pulled as the client reads: an export of any size holds one batch in memory.
 *
 * The first row is fetched before anything is sent, so a failure there (a bad filter, the
 * database) is an ordinary problem+json response. A failure later, mid-stream, cannot change the
 * status any more: the connection is cut, so the client sees an incomplete download rather than
 * a file that looks complete.
 */
export async function csvFile<R>(fileName: string, columns: readonly CsvColumn<R>[], rows: AsyncIterable<R>): Promise<StreamableFile> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* records() {
    for (let next = first; !next.done; next = await iterator.next()) yield columns.map((column) => cell(column.value(next.value)));
  }
  const output = stringify({ header: true, columns: columns.map((c) => c.header), bom: true });
  pipeline(Readable.from(records()), output, () => undefined);
  const file = new StreamableFile(output, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
  return file.setErrorHandler((_error, response) => {
    const raw = (response as { raw?: { destroy(): void } }).raw ?? (response as unknown as { destroy?(): void });
    raw.destroy?.();
  });
}

/** `leads-2026-11-26.csv` */
export function exportFileName(resource: string, now = new Date()): string {
  return `${resource}-${now.toISOString().slice(0, 10)}.csv`;
}
