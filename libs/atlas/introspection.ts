// The database handle drizzle-kit's pushSchema introspects through, with one correction.
//
// drizzle-kit 0.31 reads the columns of unique constraints from
// information_schema.constraint_column_usage, which has no key position, in a query without
// ORDER BY. The rows come back in whatever order the plan yields: column-number order on
// PostgreSQL 15, another order on PostgreSQL 18 (whose catalogue also lists NOT NULL constraints
// in the same views). drizzle-kit compares the column lists in order, so a constraint declared as
// unique(event_id, subscriber) could read back as (subscriber, event_id), and every diff dropped
// and re-added it: a false drift in the schema test and a spurious migration from the generator.
// The correction puts those rows into the constraint's key order, read from pg_constraint.conkey.
import type { SQL } from 'drizzle-orm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Client } from 'pg';

export interface ConstraintColumnRow {
  column_name: string;
  constraint_type: string;
  constraint_name: string;
  [other: string]: unknown;
}

/** drizzle-kit's per-table constraint query; the quoted literals are the table and its schema. */
const CONSTRAINT_COLUMNS_QUERY =
  /FROM information_schema\.table_constraints tc\s+JOIN information_schema\.constraint_column_usage[\s\S]*?WHERE tc\.table_name = '((?:[^']|'')*)' and constraint_schema = '((?:[^']|'')*)'/;

const KEYED_TYPES = new Set(['UNIQUE', 'PRIMARY KEY']);

/** The table and schema a drizzle-kit constraint-columns query is about, or null for any other query. */
export function constraintColumnsQueryTarget(text: string): { schema: string; table: string } | null {
  const m = text.match(CONSTRAINT_COLUMNS_QUERY);
  if (!m) return null;
  const unquote = (literal: string) => literal.replace(/''/g, "'");
  return { table: unquote(m[1]), schema: unquote(m[2]) };
}

/**
 * Unique and primary-key rows grouped per constraint in key order (`keyOrder`: constraint name →
 * its column names in key order); every other row keeps its place, ahead of them.
 */
export function inKeyOrder<Row extends ConstraintColumnRow>(rows: Row[], keyOrder: Map<string, string[]>): Row[] {
  const keyed = rows.filter((row) => KEYED_TYPES.has(row.constraint_type) && keyOrder.has(row.constraint_name));
  const others = rows.filter((row) => !keyed.includes(row));
  const position = (row: Row) => keyOrder.get(row.constraint_name)!.indexOf(row.column_name);
  keyed.sort((a, b) => a.constraint_name.localeCompare(b.constraint_name) || position(a) - position(b));
  return [...others, ...keyed];
}

async function readKeyOrder(client: Client, schema: string, table: string): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT con.conname AS name,
            array_agg(att.attname::text ORDER BY key.position) AS columns
       FROM pg_catalog.pg_constraint con
       JOIN pg_catalog.pg_class rel ON rel.oid = con.conrelid
       JOIN pg_catalog.pg_namespace nsp ON nsp.oid = rel.relnamespace
      CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS key(attnum, position)
       JOIN pg_catalog.pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = key.attnum
      WHERE nsp.nspname = $1 AND rel.relname = $2 AND con.contype IN ('u', 'p')
      GROUP BY con.conname`,
    [schema, table],
  );
  return new Map(rows.map((row) => [row.name, row.columns]));
}

/**
 * What pushSchema needs of a Drizzle database: it only calls `execute(sql.raw(text))` and reads
 * `rows`. Queries go to `client` unchanged; the constraint-columns query's rows come back in key order.
 */
export function introspectionDatabase(client: Client): PgDatabase<any> {
  const dialect = new PgDialect();
  const execute = async (query: SQL) => {
    const text = dialect.sqlToQuery(query).sql;
    const result = await client.query(text);
    const target = constraintColumnsQueryTarget(text);
    if (target) {
      const keyOrder = await readKeyOrder(client, target.schema, target.table);
      return { ...result, rows: inKeyOrder(result.rows as ConstraintColumnRow[], keyOrder) };
    }
    return result;
  };
  return { execute } as unknown as PgDatabase<any>;
}
