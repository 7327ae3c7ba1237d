import { Injectable } from '@nestjs/common';
import { and, eq, inArray, isNull, SQL } from 'drizzle-orm';
import { CommonListFilters, ResourceTableSpec } from '@libs/resource';
import { containsAny } from '@libs/search';
import { ProjectPartRepository } from '../shared/project-part.repository';
import type { ComponentCategory } from '../shared/projects-enums.schema';
import { BuildingComponent, buildingComponents } from './components.schema';

export interface ComponentFilters extends CommonListFilters {
  buildingId?: string;
  projectId?: string;
  category?: ComponentCategory[];
}

const COMPONENTS: ResourceTableSpec<typeof buildingComponents> = {
  table: buildingComponents,
  sort: { fields: { createdAt: { expression: buildingComponents.createdAt, type: 'timestamp' } }, tieBreaker: buildingComponents.id, defaultSort: '-createdAt' },
  filters: { buildingId: buildingComponents.buildingId, projectId: buildingComponents.projectId, category: buildingComponents.category },
};

/** Building components within their project's scope. */
@Injectable()
export class ComponentsRepository extends ProjectPartRepository<typeof buildingComponents, ComponentFilters> {
  protected readonly spec = COMPONENTS;

  /** `q`: a substring of the name (a building has a few dozen components; no search column needed). */
  protected override searchCondition(q: string | undefined): SQL | undefined {
    return containsAny([buildingComponents.name], q);
  }

  /** Live components by id of one building (a measure's components must belong to its scenario's building). */
  findLiveInBuilding(ids: readonly string[], buildingId: string): Promise<BuildingComponent[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(buildingComponents)
      .where(and(inArray(buildingComponents.id, [...ids]), eq(buildingComponents.buildingId, buildingId), isNull(buildingComponents.deletedAt)));
  }

  /** Components by id whatever their state (deleted ones too): the current state of what measures change, for their checks. */
  findAnyByIds(ids: readonly string[]): Promise<BuildingComponent[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select().from(buildingComponents).where(inArray(buildingComponents.id, [...ids]));
  }
}
