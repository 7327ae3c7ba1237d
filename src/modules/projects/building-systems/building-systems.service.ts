import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { pick, pickDefined, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { BuildingsService } from '../buildings/buildings.service';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import { BuildingSystemResponseDto, CreateBuildingSystemDto, UpdateBuildingSystemDto } from './building-system.dto';
import { BUILDING_SYSTEM_FIELDS, SYSTEM_AUDITED_FIELDS, toBuildingSystemResponse } from './building-system.mapper';
import { buildingSystemErrors } from './building-system.rules';
import { BuildingSystemFilters, BuildingSystemsRepository } from './building-systems.repository';
import type { BuildingSystem, buildingSystems } from './building-systems.schema';

const BUILDING_SYSTEM: ResourceDefinition<BuildingSystem> = {
  name: 'building system',
  code: 'PROJECTS_BUILDING_SYSTEM',
  permissions: resourcePermissions('projects.buildings'),
  events: PROJECTS_EVENTS.buildingSystem,
  auditedFields: SYSTEM_AUDITED_FIELDS,
};

/** The plant inventory of a building (the survey's permissions). */
@Injectable()
export class BuildingSystemsService extends ResourceService<typeof buildingSystems, BuildingSystemFilters, BuildingSystemResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    repository: BuildingSystemsRepository,
    private readonly buildings: BuildingsService,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, BUILDING_SYSTEM, toBuildingSystemResponse);
  }

  async create(dto: CreateBuildingSystemDto): Promise<BuildingSystemResponseDto> {
    const scope = currentScope('projects.buildings:create');
    const errors = buildingSystemErrors(dto.kind, dto);
    if (errors.length) throw ProjectsErrors.invalid(errors);
    return this.steps.transaction(async () => {
      const building = await this.buildings.within(dto.buildingId, scope);
      const system = await this.steps.insert({ ...pickDefined(pick(dto, BUILDING_SYSTEM_FIELDS)), kind: dto.kind, projectId: building.projectId, buildingId: building.id });
      return toBuildingSystemResponse(system);
    });
  }

  async update(id: string, version: number, dto: UpdateBuildingSystemDto): Promise<BuildingSystemResponseDto> {
    const updated = await this.steps.update(id, version, (current) => {
      const changes = pickDefined(pick(dto, BUILDING_SYSTEM_FIELDS));
      const merged = { ...current, ...changes };
      const errors = buildingSystemErrors(merged.kind, merged);
      if (errors.length) throw ProjectsErrors.invalid(errors);
      return changes;
    });
    return toBuildingSystemResponse(updated);
  }
}
