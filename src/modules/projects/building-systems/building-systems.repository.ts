import { Injectable } from '@nestjs/common';
import type { SQL } from 'drizzle-orm';
import { CommonListFilters, ResourceTableSpec } from '@libs/resource';
import { containsAny } from '@libs/search';
import { ProjectPartRepository } from '../shared/project-part.repository';
import { BuildingSystemKind, buildingSystems } from './building-systems.schema';

export interface BuildingSystemFilters extends CommonListFilters {
  buildingId?: string;
  projectId?: string;
  kind?: BuildingSystemKind[];
}

const BUILDING_SYSTEMS: ResourceTableSpec<typeof buildingSystems> = {
  table: buildingSystems,
  sort: { fields: { createdAt: { expression: buildingSystems.createdAt, type: 'timestamp' } }, tieBreaker: buildingSystems.id, defaultSort: '-createdAt' },
  filters: { buildingId: buildingSystems.buildingId, projectId: buildingSystems.projectId, kind: buildingSystems.kind },
};

/** The plant of buildings, within their project's scope. */
@Injectable()
export class BuildingSystemsRepository extends ProjectPartRepository<typeof buildingSystems, BuildingSystemFilters> {
  protected readonly spec = BUILDING_SYSTEMS;

  /** `q`: a substring of the description. */
  protected override searchCondition(q: string | undefined): SQL | undefined {
    return containsAny([buildingSystems.description], q);
  }
}
