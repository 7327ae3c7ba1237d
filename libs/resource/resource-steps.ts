import { currentGrant, currentScope, Scope } from '@libs/auth';
import { currentActorId, SYSTEM_ACTOR_ID } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { ChangesPayload, DomainEventInput, EventDefinition, EventOutbox, fieldChanges, Snapshot, SnapshotPayload } from '@libs/events';
import { AppError, staleResource } from '@libs/http';
import { DeletedFilter, KeysetRequest, keysetPage, keysetQuery, Page } from '@libs/pagination';
import { snapshotOf } from './mapping';
import type { ChangesOf, CommonListFilters, ListedRow, NewRowOf, ResourceRepository, ResourceTable, RowOf } from './resource-repository';
import { listVisibility, readVisibility, ResourcePermissions, Visibility } from './visibility';

/** What the steps need to know about a resource beyond its repository. */
export interface ResourceDefinition<R> {
  /** Singular, for messages: `company`. */
  name: string;
  /** Prefix of its problem codes: `CRM_COMPANY` → `CRM_COMPANY_NOT_FOUND`, `CRM_COMPANY_NOT_DELETED`. */
  code: string;
  permissions: ResourcePermissions;
  /** From `defineEvents(…, { company: resourceEvents() })`. */
  events: {
    created: EventDefinition<SnapshotPayload<Snapshot>>;
    updated: EventDefinition<ChangesPayload>;
    deleted: EventDefinition<ChangesPayload>;
    restored: EventDefinition<ChangesPayload>;
  };
  /** The fields the audit log records (snapshots and diffs): never secrets or derived columns such as search_text. */
  auditedFields: readonly (keyof R & string)[];
}

export interface ResourceStepsDeps<T extends ResourceTable, F extends CommonListFilters> {
  txHost: DbTransactionHost;
  outbox: EventOutbox;
  repository: ResourceRepository<T, F>;
}

type ListQuery<F> = F & KeysetRequest & { deleted?: DeletedFilter };

/**
 * The standard use cases of a resource, each in one step: read with its scope (404 outside it),
 * list and export with the deleted-rows rule, create/update/delete/restore in a transaction with
 * the version check (412) and the event that the audit log records. A resource's service builds
 * one in its constructor and keeps only its own rules:
 *
 *   this.steps = new ResourceSteps({ txHost, outbox, repository: companies }, COMPANY);
 *   update(id, version, dto) {
 *     return this.steps.update(id, version, (current) => companyChanges(current, dto)).then(toCompanyResponse);
 *   }
 */
export class ResourceSteps<T extends ResourceTable, F extends CommonListFilters = CommonListFilters> {
  constructor(
    private readonly deps: ResourceStepsDeps<T, F>,
    readonly resource: ResourceDefinition<RowOf<T>>,
  ) {}

  get permissions(): ResourcePermissions {
    return this.resource.permissions;
  }

  notFound(id: string): AppError {
    return AppError.notFound(`${this.resource.code}_NOT_FOUND`, `The ${this.resource.name} ${id} does not exist or is not visible to you.`);
  }

  notDeleted(id: string): AppError {
    return AppError.conflict(`${this.resource.code}_NOT_DELETED`, `The ${this.resource.name} ${id} is not deleted; there is nothing to restore.`);
  }

  /** Appends further events of the use case (inside its transaction). */
  publish(...events: DomainEventInput<object>[]): Promise<void> {
    return this.deps.outbox.append(...events);
  }

  /** Runs `fn` in a transaction (or joins the current one). */
  transaction<R>(fn: () => Promise<R>): Promise<R> {
    return this.deps.txHost.withTransaction(fn);
  }

  /** A page of the list: filters, sort, cursor; deleted rows only with the delete permission, within its scope. */
  async list<D>(query: ListQuery<F>, map: (row: ListedRow<T>) => D): Promise<Page<D>> {
    const visibility = listVisibility(this.permissions, query.deleted);
    const keyset = keysetQuery(this.deps.repository.sortSpec, query);
    return keysetPage(await this.deps.repository.list(query, visibility, keyset), keyset, map);
  }

  /** Every row the list would show, streamed in keyset batches; the scope is taken now, while the request's context is certain. */
  export(query: F & { sort?: string; deleted?: DeletedFilter }): AsyncIterable<ListedRow<T>> {
    return this.deps.repository.exportRows(query, listVisibility(this.permissions, query.deleted));
  }

  /** A row the actor may read (a deleted one with the delete permission, within its scope); 404 otherwise. */
  async get(id: string): Promise<RowOf<T>> {
    return this.find(id, readVisibility(this.permissions));
  }

  /** The live row if the actor holds the read permission and it is within its scope; else undefined (no 403, no 404). */
  async readable(id: string): Promise<RowOf<T> | undefined> {
    const scope = currentGrant(this.permissions.read);
    return scope ? this.deps.repository.findById(id, scope) : undefined;
  }

  /**
   * For facades other contexts call: the live row within the actor's read scope, or undefined;
   * background work running as the system actor (subscribers, scheduled jobs) sees every row.
   */
  async lookup(id: string): Promise<RowOf<T> | undefined> {
    const scope = currentGrant(this.permissions.read) ?? (currentActorId() === SYSTEM_ACTOR_ID ? 'all' : undefined);
    return scope ? this.deps.repository.findById(id, scope) : undefined;
  }

  /** A row visible under `visibility`, or 404. */
  async find(id: string, visibility: Scope | Visibility, options: { forUpdate?: boolean } = {}): Promise<RowOf<T>> {
    const row = await this.deps.repository.findById(id, visibility, options);
    if (!row) throw this.notFound(id);
    return row;
  }

  /** The live row at `version` within `scope`: 404 when missing or out of scope, 412 when it has moved on. */
  async load(id: string, version: number, scope: Scope, options: { forUpdate?: boolean } = {}): Promise<RowOf<T>> {
    const row = await this.find(id, scope, options);
    if (row.version !== version) throw staleResource();
    return row;
  }

  /** Inserts a row and appends its created event (snapshot of the audited fields, plus `extra`); inside the caller's transaction. */
  async insert(values: NewRowOf<T>, extra: object = {}): Promise<RowOf<T>> {
    const row = await this.deps.repository.insert(values);
    await this.deps.outbox.append(this.resource.events.created(row.id, { snapshot: snapshotOf(row, this.resource.auditedFields), ...extra }));
    return row;
  }

  /** `insert` in its own transaction (or the current one). */
  create(values: NewRowOf<T>, extra: object = {}): Promise<RowOf<T>> {
    return this.transaction(() => this.insert(values, extra));
  }

  /**
   * PATCH: in one transaction, loads the live row at `version` within the update scope (404/412),
   * asks `changesFor(current)` for the columns to set (it applies the resource's rules and may
   * throw), writes them with the version re-checked, and appends the updated event with the diff
   * of the audited fields (none when nothing changed).
   */
  update(id: string, version: number, changesFor: (current: RowOf<T>) => ChangesOf<T> | Promise<ChangesOf<T>>, scope?: Scope): Promise<RowOf<T>> {
    const updateScope = scope ?? currentScope(this.requirePermission('update'));
    return this.transaction(async () => {
      const current = await this.load(id, version, updateScope);
      return this.apply(current, await changesFor(current), updateScope);
    });
  }

  /** Writes `changes` onto `current` (at its version) and appends the diff: for use cases that loaded the row themselves. */
  async apply(current: RowOf<T>, changes: ChangesOf<T>, scope: Scope, event: EventDefinition<ChangesPayload> = this.resource.events.updated): Promise<RowOf<T>> {
    const updated = await this.deps.repository.update(current.id, current.version, changes, scope);
    if (!updated) throw staleResource();
    const diff = fieldChanges(current, updated, this.resource.auditedFields);
    if (Object.keys(diff).length > 0) await this.deps.outbox.append(event(current.id, { changes: diff }));
    return updated;
  }

  /** Soft delete at `version` within the delete scope (`check` may refuse it), with its event. */
  remove(id: string, version: number, check?: (current: RowOf<T>) => void | Promise<void>): Promise<RowOf<T>> {
    const scope = currentScope(this.requirePermission('delete'));
    return this.transaction(async () => {
      const current = await this.load(id, version, scope);
      await check?.(current);
      return this.setDeleted(current, true, scope);
    });
  }

  /**
   * Undoes a soft delete: the deleted row within the delete scope (404), 409 when it is not deleted,
   * 412 when `version` (an optional If-Match) is stale; `check` may refuse it.
   */
  restore(id: string, version: number | undefined, check?: (current: RowOf<T>) => void | Promise<void>): Promise<RowOf<T>> {
    const scope = currentScope(this.requirePermission('delete'));
    return this.transaction(async () => {
      const current = await this.find(id, { live: scope, deleted: scope });
      if (!current.deletedAt) throw this.notDeleted(id);
      await check?.(current);
      if (version !== undefined && current.version !== version) throw staleResource();
      return this.setDeleted(current, false, scope);
    });
  }

  /** Sets or clears `deleted_at` on `current` (plus `extra` columns) and appends the deleted or restored event. */
  async setDeleted(current: RowOf<T>, deleted: boolean, scope: Scope, extra: ChangesOf<T> = {}): Promise<RowOf<T>> {
    const row = await this.deps.repository.setDeleted(current.id, deleted, current.version, scope, extra);
    if (!row) throw staleResource();
    const fields = ['deletedAt', ...Object.keys(extra)] as (keyof RowOf<T>)[];
    const event = deleted ? this.resource.events.deleted : this.resource.events.restored;
    await this.deps.outbox.append(event(current.id, { changes: fieldChanges(current, row, fields) }));
    return row;
  }

  private requirePermission(action: 'update' | 'delete'): string {
    const permission = this.permissions[action];
    if (!permission) throw new Error(`${this.resource.name} declares no ${action} permission`);
    return permission;
  }
}
