import type { CsvColumn } from './csv-export';

type Cell = ReturnType<CsvColumn<unknown>['value']>;

/** CSV columns that copy fields of a row as they are, headed by the field's snake_case name (`createdAt` → `created_at`). */
export function fieldColumns<R>(fields: readonly (keyof R & string)[]): CsvColumn<R>[] {
  return fields.map((field) => ({
    header: field.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`),
    value: (row: R) => row[field] as Cell,
  }));
}
