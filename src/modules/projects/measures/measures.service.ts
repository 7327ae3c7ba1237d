import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { pick, pickDefined, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { ComponentsService } from '../components/components.service';
import type { BuildingComponent } from '../components/components.schema';
import { MaterialsService } from '../materials/materials.service';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import type { Scenario } from '../scenarios/scenarios.schema';
import { ScenarioDrafts } from '../scenarios/scenario-drafts.service';
import { CreateMeasureDto, MeasureResponseDto, UpdateMeasureDto } from './measure.dto';
import { MEASURE_AUDITED_FIELDS, MEASURE_FIELDS, toMeasureResponse } from './measure.mapper';
import { defaultTrigger, measureErrors } from './measure.rules';
import { MeasureFilters, MeasuresRepository } from './measures.repository';
import type { Measure, measures, NewMeasure } from './measures.schema';
import type { StoredLayer } from '../shared/layer';

const MEASURE: ResourceDefinition<Measure> = {
  name: 'measure',
  code: 'PROJECTS_MEASURE',
  // Measures are part of their scenario: the scenarios' permissions.
  permissions: resourcePermissions('projects.scenarios'),
  events: PROJECTS_EVENTS.measure,
  auditedFields: MEASURE_AUDITED_FIELDS,
};

const PLAIN_FIELDS = [
  'title', 'description', 'replacesLayers', 'targetUValue', 'costEstimateNetCents', 'vatCategory', 'plannedYear', 'plannedDate', 'expectedFinalEnergySavingsKwhA', 'expectedCo2SavingsKgA',
] as const;

/**
 * Measures of scenarios. Every change locks the scenario's row and needs it to be a draft, so a
 * measure cannot slip in while the scenario is being presented, nor change afterwards.
 */
@Injectable()
export class MeasuresService extends ResourceService<typeof measures, MeasureFilters, MeasureResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: MeasuresRepository,
    private readonly drafts: ScenarioDrafts,
    private readonly components: ComponentsService,
    private readonly materials: MaterialsService,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, MEASURE, toMeasureResponse);
  }

  async create(dto: CreateMeasureDto): Promise<MeasureResponseDto> {
    const scope = currentScope('projects.scenarios:create');
    return this.steps.transaction(async () => {
      const scenario = await this.drafts.forChange(dto.scenarioId, scope);
      const newLayers = dto.newLayers ? await this.materials.resolveLayers(dto.newLayers, 'newLayers') : null;
      const input: MeasureInput = { ...dto, componentIds: dto.componentIds ?? [], newLayers, trigger: dto.trigger ?? defaultTrigger(dto.kind) };
      const position = await this.repository.nextPosition(scenario.id);
      return toMeasureResponse(await this.steps.insert({ ...(await this.checkedValues(scenario, input)), position }));
    });
  }

  async update(id: string, version: number, dto: UpdateMeasureDto): Promise<MeasureResponseDto> {
    const updated = await this.steps.update(id, version, async (current) => {
      const scenario = await this.drafts.forChange(current.scenarioId, 'all');
      const kind = dto.kind ?? current.kind;
      const newLayers = dto.newLayers === undefined ? current.newLayers : dto.newLayers && (await this.materials.resolveLayers(dto.newLayers, 'newLayers'));
      const { newLayers: _layers, ...fields } = pickDefined(dto);
      const input: MeasureInput = {
        ...current,
        ...fields,
        kind,
        newLayers,
        trigger: dto.trigger ?? (dto.kind && dto.kind !== current.kind ? defaultTrigger(kind) : current.trigger),
      };
      return this.checkedValues(scenario, input);
    });
    return toMeasureResponse(updated);
  }

  override async remove(id: string, version: number): Promise<void> {
    await this.steps.remove(id, version, async (current) => {
      await this.drafts.forChange(current.scenarioId, 'all');
    });
  }

  override async restore(id: string, version: number | undefined): Promise<MeasureResponseDto> {
    const restored = await this.steps.restore(id, version, async (current) => {
      await this.drafts.forChange(current.scenarioId, 'all');
    });
    return toMeasureResponse(restored);
  }

  /** The live measures of a scenario the caller may read, in package order. */
  ofScenario(scenarioId: string): Promise<Measure[]> {
    return this.repository.ofScenario(scenarioId);
  }

  /** Copies measures into another scenario of the same building (each a created event); inside the caller's transaction. */
  async copyInto(source: readonly Measure[], target: Scenario): Promise<Measure[]> {
    const copies: Measure[] = [];
    for (const measure of source) {
      copies.push(await this.steps.insert({ ...pick(measure, MEASURE_FIELDS), position: measure.position, projectId: target.projectId, buildingId: target.buildingId, scenarioId: target.id }));
    }
    return copies;
  }

  /**
   * The columns of a measure in `scenario`, after the rules: its components are live ones of the
   * scenario's building and fit its kind, its package exists, layers and target U-value fit.
   */
  private async checkedValues(scenario: Scenario, input: MeasureInput): Promise<Omit<NewMeasure, 'position'>> {
    const components = await this.componentsOfBuilding(input.componentIds, scenario);
    const packageNumber = input.packageNumber ?? null;
    const errors = measureErrors(
      { kind: input.kind, packageNumber, hasNewLayers: (input.newLayers ?? []).length > 0, targetUValue: input.targetUValue ?? null, componentCategories: components.map((c) => c.category) },
      { kind: scenario.kind, packageCount: scenario.packages.length },
    );
    if (errors.length) throw ProjectsErrors.invalid(errors);
    return {
      ...pickDefined(pick(input, PLAIN_FIELDS)),
      kind: input.kind,
      title: input.title,
      trigger: input.trigger,
      packageNumber,
      componentIds: [...input.componentIds],
      newLayers: input.newLayers && input.newLayers.length > 0 ? input.newLayers : null,
      projectId: scenario.projectId,
      buildingId: scenario.buildingId,
      scenarioId: scenario.id,
    };
  }

  private async componentsOfBuilding(ids: readonly string[], scenario: Scenario): Promise<BuildingComponent[]> {
    const found = await this.components.liveInBuilding(ids, scenario.buildingId);
    const missing = ids.filter((id) => !found.some((c) => c.id === id));
    if (missing.length) {
      throw ProjectsErrors.invalid(missing.map((id) => ({ path: 'componentIds', message: `component ${id} is not a live component of the scenario's building` })));
    }
    return found;
  }
}

/** A measure as the rules see it, whether created or merged from a PATCH. */
type MeasureInput = Pick<Measure, 'kind' | 'title' | 'trigger'> &
  Partial<Pick<Measure, (typeof PLAIN_FIELDS)[number]>> & { packageNumber?: number | null; componentIds: readonly string[]; newLayers: StoredLayer[] | null };
