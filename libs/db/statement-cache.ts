import { is, Param, Placeholder } from 'drizzle-orm';
import type { Database, DbTransactionHost } from './database';
import { compileRowMapper } from './row-mapper';

/** Values of a statement's `sql.placeholder(name)`s, by name. */
export type PlaceholderValues = Record<string, unknown>;

/** A drizzle query builder (select, insert, update, delete …) whose values are all placeholders. */
export interface PreparableQuery<R> {
  prepare(name: string): ExecutableStatement<R>;
  toSQL(): { sql: string; params: unknown[] };
}

interface ExecutableStatement<R> {
  execute(placeholderValues?: PlaceholderValues): Promise<R>;
}

/**
 * Statements whose SQL is rendered once per `key` and then executed with fresh values.
 *
 * Drizzle renders a query's SQL on every execution (entity checks, selection, parameter
 * collection: a fifth of the request path's CPU in the profile). A query built once with
 * `sql.placeholder(…)` for every value keeps its text and result mapping; `prepare` without a
 * name gives exactly what an ordinary execution uses — an *unnamed* statement, parsed by the
 * server per execution — so it stays correct behind PgBouncer in transaction pooling, where
 * drizzle's named `.prepare(name)` statements would reach another server connection.
 *
 * A cached statement also maps its rows with a mapper compiled for its columns (row-mapper.ts).
 *
 * The cached statement is bound to the pool. Inside a transaction the query is built on the
 * transaction's connection as before (uncached): writes are not the hot path.
 *
 * `key` must determine the SQL text completely: everything that changes the text (which optional
 * conditions are present, the sort, FOR UPDATE) belongs in the key; every value is a placeholder.
 * A query that still carries a literal value is executed once and not kept, so a value that
 * slipped in (a condition reading the request context itself) can never reach another request.
 */
export class StatementCache {
  private readonly statements = new Map<string, ExecutableStatement<unknown>>();

  constructor(
    private readonly txHost: DbTransactionHost,
    /** A runaway key (a value in it by mistake) empties the cache instead of growing it forever. */
    private readonly maxEntries = 1000,
  ) {}

  execute<R>(key: string, build: (db: Database) => PreparableQuery<R>, values: PlaceholderValues): Promise<R> {
    const db = this.txHost.tx as Database;
    if (this.txHost.isTransactionActive()) return unnamed(build(db)).execute(values);
    let statement = this.statements.get(key) as ExecutableStatement<R> | undefined;
    if (!statement) {
      const query = build(db);
      if (!onlyPlaceholders(query)) return unnamed(query).execute(values);
      if (this.statements.size >= this.maxEntries) this.statements.clear();
      statement = unnamed(query);
      compileRowMapper(statement);
      this.statements.set(key, statement as ExecutableStatement<unknown>);
    }
    return statement.execute(values);
  }

  get size(): number {
    return this.statements.size;
  }
}

/** drizzle's `prepare()` without a name: the statement an ordinary execution sends (no server-side name). */
function unnamed<R>(query: PreparableQuery<R>): ExecutableStatement<R> {
  return query.prepare(undefined as unknown as string);
}

function onlyPlaceholders(query: PreparableQuery<unknown>): boolean {
  return query.toSQL().params.every((param) => is(param, Placeholder) || (is(param, Param) && is(param.value, Placeholder)));
}
