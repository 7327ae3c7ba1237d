import { Injectable } from '@nestjs/common';
import { CommonListFilters, ResourceTableSpec } from '@libs/resource';
import { ProjectPartRepository } from '../shared/project-part.repository';
import { ScenarioKind, scenarios, ScenarioStatus } from './scenarios.schema';

export interface ScenarioFilters extends CommonListFilters {
  buildingId?: string;
  projectId?: string;
  status?: ScenarioStatus[];
  kind?: ScenarioKind[];
}

const SCENARIOS: ResourceTableSpec<typeof scenarios> = {
  table: scenarios,
  sort: { fields: { createdAt: { expression: scenarios.createdAt, type: 'timestamp' } }, tieBreaker: scenarios.id, defaultSort: '-createdAt' },
  search: { text: scenarios.searchText },
  filters: { buildingId: scenarios.buildingId, projectId: scenarios.projectId, status: scenarios.status, kind: scenarios.kind },
};

/** Scenarios within their project's scope. */
@Injectable()
export class ScenariosRepository extends ProjectPartRepository<typeof scenarios, ScenarioFilters> {
  protected readonly spec = SCENARIOS;
}
