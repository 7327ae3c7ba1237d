import { and, eq, getTableColumns, isNotNull, isNull, or, sql, SQL } from 'drizzle-orm';
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { Scope, ScopeActor, scopeCondition, ScopeColumns } from '@libs/auth';
import { currentActor } from '@libs/context';
import { Repository } from '@libs/db';
import { DeletedFilter, eqFilter, inFilter, KeysetQuery, keysetAfter, keysetBatches, ListSortSpec, rangeFilter } from '@libs/pagination';
import { SearchColumns, searchFilter } from '@libs/search';
import { ConstraintErrors, mapConstraintErrors } from './constraint-errors';
import { actorPlaceholders, actorValues, scopeShape } from './statement-shapes';
import { asVisibility, Visibility } from './visibility';

/** A table with the standard columns (`standardColumns()`): id, version, created_at, deleted_at. */
export type ResourceTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; createdAt: AnyPgColumn; deletedAt: AnyPgColumn };
/** The columns every resource row has (`standardColumns()`), whatever else its table holds. */
export interface StandardRow {
  id: string;
  version: number;
  createdAt: Date;
  deletedAt: Date | null;
}
export type RowOf<T extends ResourceTable> = InferSelectModel<T> & StandardRow;
export type NewRowOf<T extends ResourceTable> = InferInsertModel<T>;
/** What an update may set: any column but the identity and creation ones (version is bumped by the repository). */
export type ChangesOf<T extends ResourceTable> = Partial<Omit<NewRowOf<T>, 'id' | 'version' | 'createdAt' | 'createdBy'>>;
export type ListedRow<T extends ResourceTable> = RowOf<T> & { sortKey: string | number };

/** What every list accepts besides a resource's own filters (ListQueryDto). */
export interface CommonListFilters {
  q?: string;
  createdFrom?: Date;
  createdTo?: Date;
  deleted?: DeletedFilter;
}

/** How a resource's table is read and written: the only per-resource configuration of the repository. */
export interface ResourceTableSpec<T extends ResourceTable, S extends string = string> {
  table: T;
  /**
   * The columns scopes look at (`own`: any owner column is the actor; `department`: the department
   * column). Omit for tables every holder of the permission sees whole.
   */
  scope?: ScopeColumns;
  /** Foreign keys clients set and unique constraints, by constraint name → problem. */
  constraints?: ConstraintErrors;
  /** The list's sorts (NOT NULL expressions with an index each; the id breaks ties). */
  sort: ListSortSpec<S>;
  /** The columns `q` searches; omit when the list has no search (or override `searchCondition`). */
  search?: SearchColumns;
  /** Equality filters of the list: query field → column (an array value means IN). Others: `filterConditions`. */
  filters?: Readonly<Record<string, AnyPgColumn>>;
}

/**
 * The standard reads and writes of a resource, parameterised by its table spec. A resource's
 * repository extends it with its filter conditions (`filterConditions`) and its special queries;
 * every method puts the actor's scope into the WHERE clause and every update re-checks the version.
 *
 *   @Injectable()
 *   export class CompaniesRepository extends ResourceRepository<typeof companies, CompanyFilters> {
 *     protected readonly spec = COMPANIES;
 *     protected filterConditions(f: CompanyFilters) { return [eqFilter(companies.ownerId, f.ownerId)]; }
 *   }
 */
export abstract class ResourceRepository<T extends ResourceTable, F extends CommonListFilters = CommonListFilters> extends Repository {
  protected abstract readonly spec: ResourceTableSpec<T>;

  get sortSpec(): ListSortSpec {
    return this.spec.sort;
  }

  /**
   * The scope condition on this table (undefined: no restriction); for special queries. `actor`
   * defaults to the request's; the kit passes placeholders for statements it renders once.
   */
  scopeCondition(scope: Scope | undefined, actor?: ScopeActor): SQL | undefined {
    if (!this.spec.scope) return scope ? undefined : sql`false`;
    return scopeCondition(scope, this.spec.scope, actor);
  }

  /** Live rows within `live`, deleted rows within `deleted`. */
  visibleCondition(visibility: Scope | Visibility, actor?: ScopeActor): SQL {
    const { live, deleted } = asVisibility(visibility);
    const deletedAt = this.spec.table.deletedAt;
    const parts = [
      live && and(isNull(deletedAt), this.scopeCondition(live, actor)),
      deleted && and(isNotNull(deletedAt), this.scopeCondition(deleted, actor)),
    ].filter((part): part is SQL => part !== undefined);
    return parts.length === 0 ? sql`false` : (or(...parts) as SQL);
  }

  /** A row by id if visible; `forUpdate` locks it for the rest of the transaction. */
  async findById(id: string, visibility: Scope | Visibility, options: { forUpdate?: boolean } = {}): Promise<RowOf<T> | undefined> {
    if (this.rendersOnce) {
      const actor = currentActor();
      const { live, deleted } = asVisibility(visibility);
      const key = `findById ${scopeShape(live, actor)} ${scopeShape(deleted, actor)}${options.forUpdate ? ' for update' : ''}`;
      const rows = await this.statementCache.execute(
        key,
        (db) => {
          const query = db
            .select()
            .from(this.table)
            .where(and(eq(this.spec.table.id, sql.placeholder('id')), this.visibleCondition(visibility, actorPlaceholders(actor))));
          return options.forUpdate ? query.for('update') : query;
        },
        { id, ...actorValues(actor) },
      );
      return rows[0] as RowOf<T> | undefined;
    }
    const query = this.db
      .select()
      .from(this.table)
      .where(and(eq(this.spec.table.id, id), this.visibleCondition(visibility)));
    const rows = options.forUpdate ? await query.for('update') : await query;
    return rows[0] as RowOf<T> | undefined;
  }

  insert(values: NewRowOf<T>): Promise<RowOf<T>> {
    return this.mapConstraints(async () => {
      const rows = await this.db.insert(this.table).values(values).returning();
      return (rows as RowOf<T>[])[0];
    });
  }

  /**
   * Applies `changes` only if the live row is still at `expectedVersion` and within `scope`,
   * bumping the version; undefined when not (the caller tells not-found from stale). This WHERE is
   * what makes a stale If-Match unable to overwrite anything, even between a read and this write.
   */
  update(id: string, expectedVersion: number, changes: ChangesOf<T>, scope: Scope): Promise<RowOf<T> | undefined> {
    const t = this.spec.table;
    return this.mapConstraints(async () => {
      const rows = await this.db
        .update(this.table)
        .set({ ...changes, version: sql`${t.version} + 1` } as never)
        .where(and(eq(t.id, id), eq(t.version, expectedVersion), isNull(t.deletedAt), this.scopeCondition(scope)))
        .returning();
      return (rows as RowOf<T>[])[0];
    });
  }

  /** Soft delete (a live row) or restore (a deleted row), at `expectedVersion` and within `scope`. */
  async setDeleted(id: string, deleted: boolean, expectedVersion: number, scope: Scope, extra: ChangesOf<T> = {}): Promise<RowOf<T> | undefined> {
    const t = this.spec.table;
    const rows = await this.db
      .update(this.table)
      .set({ ...extra, deletedAt: deleted ? sql`now()` : null, version: sql`${t.version} + 1` } as never)
      .where(and(eq(t.id, id), eq(t.version, expectedVersion), deleted ? isNull(t.deletedAt) : isNotNull(t.deletedAt), this.scopeCondition(scope)))
      .returning();
    return (rows as RowOf<T>[])[0];
  }

  /** One page (plus one row) in keyset order; each row carries its `sortKey` for the next cursor. */
  async list(filters: F, visibility: Visibility, keyset: KeysetQuery): Promise<ListedRow<T>[]> {
    if (this.rendersOnce && keyset.cursor !== undefined && this.withoutFilters(filters)) return this.unfilteredList(visibility, keyset);
    const rows = await this.db
      .select({ ...getTableColumns(this.table), sortKey: keyset.sortKey })
      .from(this.table)
      .where(and(this.listCondition(filters, visibility), keyset.after))
      .orderBy(...keyset.orderBy)
      .limit(keyset.fetchLimit);
    return rows as unknown as ListedRow<T>[];
  }

  /** Every matching row in the list's order, fetched in keyset batches of 1,000 as the consumer reads (exports). */
  exportRows(filters: F & { sort?: string }, visibility: Visibility): AsyncIterable<ListedRow<T>> {
    return keysetBatches(this.spec.sort, filters.sort, (keyset) => this.list(filters, visibility, keyset));
  }

  /** The WHERE of a list or export: visibility (deleted mode + scopes), the common filters and the resource's own. */
  listCondition(filters: F, visibility: Visibility): SQL | undefined {
    return and(
      this.visibleCondition(visibility),
      rangeFilter(this.spec.table.createdAt, filters.createdFrom, filters.createdTo),
      this.searchCondition(filters.q),
      ...Object.entries(this.spec.filters ?? {}).map(([field, column]) => equalityFilter(column, (filters as Record<string, unknown>)[field])),
      ...this.filterConditions(filters),
    );
  }

  /** The resource's own filters (each undefined when absent); none by default. */
  protected filterConditions(_filters: F): (SQL | undefined)[] {
    return [];
  }

  /** `q`: the spec's search columns; override for searches across tables. */
  protected searchCondition(q: string | undefined): SQL | undefined {
    return this.spec.search ? searchFilter(this.spec.search, q) : undefined;
  }

  /** Runs a write, turning violations of the spec's constraints into their problems. */
  protected mapConstraints<R>(write: () => Promise<R>): Promise<R> {
    return this.spec.constraints ? mapConstraintErrors(this.spec.constraints, write) : write();
  }

  private get table(): PgTable {
    return this.spec.table;
  }

  /**
   * Whether findById and the unfiltered list may be rendered once per shape: only while this
   * repository keeps the kit's scope and list conditions (an override may read the request
   * context itself, which a statement rendered once would freeze).
   */
  private get rendersOnce(): boolean {
    const kit = ResourceRepository.prototype;
    return this.scopeCondition === kit.scopeCondition && this.visibleCondition === kit.visibleCondition && this.listCondition === kit.listCondition;
  }

  /** No search, no date range, no equality filter and none of the resource's own filters. */
  private withoutFilters(filters: F): boolean {
    if (filters.q !== undefined || filters.createdFrom !== undefined || filters.createdTo !== undefined) return false;
    const values = filters as Record<string, unknown>;
    if (Object.keys(this.spec.filters ?? {}).some((field) => values[field] !== undefined)) return false;
    return this.searchCondition(undefined) === undefined && this.filterConditions(filters).every((condition) => condition === undefined);
  }

  /** A page of the plain list (visibility, sort, cursor and limit only): the statement rendered once per shape. */
  private async unfilteredList(visibility: Visibility, keyset: KeysetQuery): Promise<ListedRow<T>[]> {
    const actor = currentActor();
    const { sort, cursor } = keyset;
    const key = `list ${sort.value} ${scopeShape(visibility.live, actor)} ${scopeShape(visibility.deleted, actor)}${cursor ? ' after' : ''}`;
    const rows = await this.statementCache.execute(
      key,
      (db) =>
        db
          .select({ ...getTableColumns(this.table), sortKey: keyset.sortKey })
          .from(this.table)
          .where(
            and(
              this.visibleCondition(visibility, actorPlaceholders(actor)),
              cursor ? keysetAfter(this.spec.sort, sort, sql.placeholder('cursorKey'), sql.placeholder('cursorId')) : undefined,
            ),
          )
          .orderBy(...keyset.orderBy)
          .limit(sql.placeholder('limit') as unknown as number),
      { ...actorValues(actor), limit: keyset.fetchLimit, cursorKey: cursor?.key, cursorId: cursor?.id },
    );
    return rows as unknown as ListedRow<T>[];
  }
}

function equalityFilter(column: AnyPgColumn, value: unknown): SQL | undefined {
  return Array.isArray(value) ? inFilter(column, value) : eqFilter(column, value);
}
