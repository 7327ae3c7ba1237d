import type { DeletedFilter, KeysetRequest, Page } from '@libs/pagination';
import type { CommonListFilters, ListedRow, ResourceTable, RowOf } from './resource-repository';
import { ResourceDefinition, ResourceSteps, ResourceStepsDeps } from './resource-steps';

/**
 * The read, list, export, delete and restore use cases every resource service offers, answered
 * through its steps and its response mapper. A resource's service extends it, passing its
 * dependencies, its definition and its mapper, and adds create, update and its own use cases (or
 * overrides these to add rules):
 *
 *   constructor(@InjectTransactionHost() txHost: DbTransactionHost, repository: CompaniesRepository, outbox: EventOutbox) {
 *     super({ txHost, outbox, repository }, COMPANY, toCompanyResponse);
 *   }
 */
export abstract class ResourceService<T extends ResourceTable, F extends CommonListFilters, D> {
  readonly steps: ResourceSteps<T, F>;

  constructor(
    deps: ResourceStepsDeps<T, F>,
    definition: ResourceDefinition<RowOf<T>>,
    /** Row → API representation. */
    protected readonly toResponse: (row: RowOf<T>) => D,
  ) {
    this.steps = new ResourceSteps(deps, definition);
  }

  list(query: F & KeysetRequest & { deleted?: DeletedFilter }): Promise<Page<D>> {
    return this.steps.list(query, (row) => this.toResponse(row));
  }

  export(query: F & { sort?: string; deleted?: DeletedFilter }): AsyncIterable<ListedRow<T>> {
    return this.steps.export(query);
  }

  async get(id: string): Promise<D> {
    return this.toResponse(await this.steps.get(id));
  }

  /** The live row if the actor may read it, else undefined: for other use cases that link to it. */
  readable(id: string): Promise<RowOf<T> | undefined> {
    return this.steps.readable(id);
  }

  /** For another context's facade: the API representation of a live row the actor (or the system) may read, else undefined. */
  async lookup(id: string): Promise<D | undefined> {
    const row = await this.steps.lookup(id);
    return row && this.toResponse(row);
  }

  async remove(id: string, version: number): Promise<void> {
    await this.steps.remove(id, version);
  }

  async restore(id: string, version: number | undefined): Promise<D> {
    return this.toResponse(await this.steps.restore(id, version));
  }
}
