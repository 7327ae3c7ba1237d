import { randomUUID } from 'node:crypto';
import { Column, getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

/*
 * Statements over many values whose size does not grow with the number of values: a list is sent
 * as ONE bind parameter. Drizzle binds one parameter per list item or cell, and building such a
 * statement costs far more than running it (each parameter goes through several `is()` checks).
 */

/** What a repository has at hand: `txHost.tx` (the transaction or the pool). */
export interface SqlExecutor {
  execute(query: SQL): PromiseLike<unknown>;
}

/**
 * Inserts many rows with one bind parameter: the rows as a JSON array, expanded by
 * `json_populate_recordset` and inserted in the order given (so a serial column follows it).
 * Where drizzle's `insert().values(rows)` spent ~0.4 s of CPU building a 1,000-row batch of
 * outbox events, this takes a few milliseconds.
 *
 * It keeps the behaviour of `values()` for columns a row omits: `$defaultFn` runs per row (the
 * audit actor columns), and a column no row sets takes its database default. A column that some
 * rows set and others omit is refused — with one statement it would be NULL, not its default.
 */
export async function insertRows<T extends PgTable>(db: SqlExecutor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table);
  const given = (row: T['$inferInsert'], key: string) => (row as Record<string, unknown>)[key] !== undefined;
  const inserted = columns.filter(([key, column]) => column.defaultFn !== undefined || rows.some((row) => given(row, key)));
  for (const [key, column] of inserted) {
    if (column.defaultFn !== undefined) continue;
    const missing = rows.findIndex((row) => !given(row, key));
    if (missing !== -1) {
      throw new Error(`insertRows(${getTableName(table)}): row ${missing} omits "${key}", which other rows set; set it in every row or in none`);
    }
  }
  const records = rows.map((row) =>
    Object.fromEntries(
      inserted.map(([key, column]) => {
        const value = given(row, key) ? (row as Record<string, unknown>)[key] : column.defaultFn!();
        return [column.name, toJsonValue(column, value)];
      }),
    ),
  );
  const [head, tail] = insertStatement(table, inserted);
  await db.execute(sql`${head}${JSON.stringify(records)}${tail}`);
}

const tableColumns = new WeakMap<PgTable, [string, PgColumn][]>();

function columnsOf(table: PgTable): [string, PgColumn][] {
  let columns = tableColumns.get(table);
  if (!columns) tableColumns.set(table, (columns = Object.entries(getTableColumns(table)) as [string, PgColumn][]));
  return columns;
}

const insertStatements = new WeakMap<PgTable, Map<string, [SQL, SQL]>>();

/**
 * The statement's text around its one parameter, rendered once per table and set of columns: the
 * identifiers cost more to render than the statement costs to send (bench/api, create).
 */
function insertStatement(table: PgTable, inserted: [string, PgColumn][]): [SQL, SQL] {
  let byColumns = insertStatements.get(table);
  if (!byColumns) insertStatements.set(table, (byColumns = new Map()));
  const key = inserted.map(([key]) => key).join(',');
  let statement = byColumns.get(key);
  if (!statement) {
    const { schema, name: tableName } = getTableConfig(table);
    const name = schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(tableName)}` : quoteIdentifier(tableName);
    const names = inserted.map(([, column]) => quoteIdentifier(column.name)).join(', ');
    statement = [
      sql.raw(`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, `),
      sql.raw('::json) with ordinality as r order by r.ordinality'),
    ];
    byColumns.set(key, statement);
  }
  return statement;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * json_populate_recordset reads a JSON object or array into json/jsonb and array columns as it is,
 * and any other JSON value through the column type's text input: so those get the driver value
 * in the text form node-postgres would have sent (an ISO timestamp, a bigint's digits).
 */
function toJsonValue(column: PgColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof SQL) throw new Error(`insertRows(${column.name}): SQL expressions are not supported as values`);
  const type = column.getSQLType();
  if (type.startsWith('json') || type.endsWith(']')) return value;
  const driverValue = column.mapToDriverValue(value);
  if (typeof driverValue === 'bigint') return driverValue.toString();
  return driverValue;
}

/**
 * `column = any($1::<type>[])`: the same rows and the same index use as `inArray(column, values)`,
 * with one parameter instead of one per value. An empty list matches nothing.
 */
export function anyOf(column: Column, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::${sql.raw(column.getSQLType())}[])`;
}

/**
 * New rows with every column set as PostgreSQL and drizzle would set it on insert (`$defaultFn`,
 * literal defaults, `now()` as `now`, `gen_random_uuid()`), so a batch written with `insertRows`
 * can be returned as written without RETURNING. Any other SQL default is refused.
 */
export function completeRows<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], now = new Date()): InferSelectModel<T>[] {
  const columns = columnsOf(table);
  return rows.map((row) => {
    const values = row as Record<string, unknown>;
    return Object.fromEntries(
      columns.map(([key, column]) => [key, values[key] !== undefined ? values[key] : defaultValue(table, key, column, now)]),
    ) as InferSelectModel<T>;
  });
}

function defaultValue(table: PgTable, key: string, column: PgColumn, now: Date): unknown {
  if (column.defaultFn) return column.defaultFn();
  if (!column.hasDefault) return null;
  if (column.default === undefined) throw new Error(`completeRows(${getTableName(table)}): ${key} has a default the application cannot compute (a sequence)`);
  if (!is(column.default, SQL)) return column.default;
  const expression = column.default.queryChunks.map((chunk) => ((chunk as { value?: string[] }).value ?? []).join('')).join('');
  if (expression === 'now()') return now;
  if (expression === 'gen_random_uuid()') return randomUUID();
  throw new Error(`completeRows(${getTableName(table)}): cannot compute the default ${expression} of ${key} in the application`);
}
