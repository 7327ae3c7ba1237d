import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope, Scope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { referenceNotFound, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import { ProjectsService } from '../projects/projects.service';
import { BuildingResponseDto, CreateBuildingDto, UpdateBuildingDto } from './building.dto';
import { BUILDING_AUDITED_FIELDS, buildingColumns, buildingErrors, toBuildingResponse } from './building.mapper';
import { BuildingFilters, BuildingsRepository } from './buildings.repository';
import type { Building, buildings } from './buildings.schema';

const BUILDING: ResourceDefinition<Building> = {
  name: 'building',
  code: 'PROJECTS_BUILDING',
  permissions: resourcePermissions('projects.buildings'),
  events: PROJECTS_EVENTS.building,
  auditedFields: BUILDING_AUDITED_FIELDS,
};

/** Buildings of projects: created in a project within the actor's create scope, changed within the project's scope. */
@Injectable()
export class BuildingsService extends ResourceService<typeof buildings, BuildingFilters, BuildingResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: BuildingsRepository,
    private readonly projects: ProjectsService,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, BUILDING, toBuildingResponse);
  }

  async create(dto: CreateBuildingDto): Promise<BuildingResponseDto> {
    const scope = currentScope('projects.buildings:create');
    const { projectId, ...fields } = dto;
    return this.steps.transaction(async () => {
      const project = await this.projects.within(projectId, scope);
      return toBuildingResponse(await this.insert(project.id, fields));
    });
  }

  /** Inserts a building into a project the caller has checked (and its event); inside the caller's transaction. */
  async insert(projectId: string, fields: UpdateBuildingDto): Promise<Building> {
    const columns = buildingColumns(fields);
    const errors = buildingErrors({ residentialUnits: columns.residentialUnits ?? null, ownerOccupiedUnits: columns.ownerOccupiedUnits ?? null });
    if (errors.length) throw ProjectsErrors.invalid(errors);
    return this.steps.insert({ ...columns, projectId });
  }

  async update(id: string, version: number, dto: UpdateBuildingDto): Promise<BuildingResponseDto> {
    const updated = await this.steps.update(id, version, (current) => {
      const columns = buildingColumns(dto, current);
      const errors = buildingErrors({ ...current, ...columns } as Building);
      if (errors.length) throw ProjectsErrors.invalid(errors);
      return columns;
    });
    return toBuildingResponse(updated);
  }

  /** The live buildings of a project within `scope` (for the facade). */
  ofProject(projectId: string, scope: Scope): Promise<Building[]> {
    return this.repository.ofProject(projectId, scope);
  }

  /** The live building `id` within `scope` (its project's), else 422 naming the `buildingId` field. */
  async within(id: string, scope: Scope): Promise<Building> {
    const building = await this.repository.findById(id, scope);
    if (!building) throw referenceNotFound('buildingId', 'building');
    return building;
  }
}
