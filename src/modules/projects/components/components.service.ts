import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { pick, pickDefined, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { BuildingsService } from '../buildings/buildings.service';
import { MaterialsService } from '../materials/materials.service';
import { MeasureUsage } from '../measures/measure-usage.service';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import { ReferenceDataService, uValueMethodData } from '../reference/reference-data.service';
import { ComponentResponseDto, CreateComponentDto, UpdateComponentDto } from './component.dto';
import { COMPONENT_AUDITED_FIELDS, toComponentResponse } from './component.mapper';
import { ComponentThermalInput, componentUValue, ComponentUValue, thermalInputErrors } from './component.rules';
import { ComponentFilters, ComponentsRepository } from './components.repository';
import type { BuildingComponent, buildingComponents } from './components.schema';
import { berlinDate } from '@libs/shared';

const COMPONENT: ResourceDefinition<BuildingComponent> = {
  name: 'component',
  code: 'PROJECTS_COMPONENT',
  // The survey's permissions: buildings, their components and plant.
  permissions: resourcePermissions('projects.buildings'),
  events: PROJECTS_EVENTS.buildingComponent,
  auditedFields: COMPONENT_AUDITED_FIELDS,
};

const PLAIN_FIELDS = ['name', 'category', 'orientation', 'areaM2', 'yearBuilt', 'yearRenewed', 'condition', 'heatFlowDirection', 'declaredUValue', 'notes'] as const;
const THERMAL_FIELDS = ['category', 'heatFlowDirection', 'layers', 'declaredUValue'] as const;

/** Components of a building's envelope; their U-value is computed (or taken as declared) whenever a thermal field is written. */
@Injectable()
export class ComponentsService extends ResourceService<typeof buildingComponents, ComponentFilters, ComponentResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: ComponentsRepository,
    private readonly buildings: BuildingsService,
    private readonly materials: MaterialsService,
    private readonly reference: ReferenceDataService,
    private readonly measures: MeasureUsage,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, COMPONENT, toComponentResponse);
  }

  async create(dto: CreateComponentDto): Promise<ComponentResponseDto> {
    const scope = currentScope('projects.buildings:create');
    return this.steps.transaction(async () => {
      const building = await this.buildings.within(dto.buildingId, scope);
      const layers = await this.materials.resolveLayers(dto.layers ?? [], 'layers');
      const thermal: ComponentThermalInput = { category: dto.category, heatFlowDirection: dto.heatFlowDirection ?? null, layers, declaredUValue: dto.declaredUValue ?? null };
      const component = await this.steps.insert({
        ...pickDefined(pick(dto, PLAIN_FIELDS)),
        name: dto.name,
        category: dto.category,
        layers,
        ...(await this.uValueOf(thermal)),
        projectId: building.projectId,
        buildingId: building.id,
      });
      return toComponentResponse(component);
    });
  }

  async update(id: string, version: number, dto: UpdateComponentDto): Promise<ComponentResponseDto> {
    const updated = await this.steps.update(id, version, async (current) => {
      const changes = { ...pickDefined(pick(dto, PLAIN_FIELDS)), ...(dto.layers !== undefined && { layers: await this.materials.resolveLayers(dto.layers, 'layers') }) };
      if (!THERMAL_FIELDS.some((field) => dto[field] !== undefined)) return changes;
      const merged = { ...current, ...changes };
      return { ...changes, ...(await this.uValueOf({ category: merged.category, heatFlowDirection: merged.heatFlowDirection, layers: merged.layers, declaredUValue: merged.declaredUValue })) };
    });
    return toComponentResponse(updated);
  }

  /** Refused while a measure of a draft scenario changes the component (presented ones keep it in their snapshot). */
  override async remove(id: string, version: number): Promise<void> {
    await this.steps.remove(id, version, async () => {
      if (await this.measures.draftMeasuresChange(id)) throw ProjectsErrors.componentInUse(id);
    });
  }

  /** Live components of a building by id (those a measure of its scenario may name). */
  liveInBuilding(ids: readonly string[], buildingId: string): Promise<BuildingComponent[]> {
    return this.repository.findLiveInBuilding(ids, buildingId);
  }

  /** Components by id in any state, for checks of measures whose project the caller may read. */
  byIds(ids: readonly string[]): Promise<BuildingComponent[]> {
    return this.repository.findAnyByIds(ids);
  }

  /** The stored U-value columns for these thermal inputs, with the method valid today; 422 when they do not fit together. */
  private async uValueOf(thermal: ComponentThermalInput): Promise<ComponentUValue> {
    const errors = thermalInputErrors(thermal);
    if (errors.length) throw ProjectsErrors.invalid(errors);
    const method = await this.reference.uValueMethodOn(berlinDate());
    return method ? componentUValue(thermal, uValueMethodData(method)) : { uValue: null, uValueRounded: null, uValueSource: null, uValueMethodId: null };
  }
}
