import { Injectable } from '@nestjs/common';
import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '@libs/auth';
import { CommonListFilters, ResourceTableSpec } from '@libs/resource';
import { ProjectPartRepository } from '../shared/project-part.repository';
import { Building, buildings } from './buildings.schema';

export interface BuildingFilters extends CommonListFilters {
  projectId?: string;
}

const BUILDINGS: ResourceTableSpec<typeof buildings> = {
  table: buildings,
  sort: { fields: { createdAt: { expression: buildings.createdAt, type: 'timestamp' } }, tieBreaker: buildings.id, defaultSort: '-createdAt' },
  search: { text: buildings.searchText },
  filters: { projectId: buildings.projectId },
};

/** Buildings within their project's scope. */
@Injectable()
export class BuildingsRepository extends ProjectPartRepository<typeof buildings, BuildingFilters> {
  protected readonly spec = BUILDINGS;

  /** The live buildings of a project within `scope`, oldest first. */
  ofProject(projectId: string, scope: Scope): Promise<Building[]> {
    return this.db
      .select()
      .from(buildings)
      .where(and(eq(buildings.projectId, projectId), this.visibleCondition(scope)))
      .orderBy(asc(buildings.createdAt), asc(buildings.id));
  }
}
