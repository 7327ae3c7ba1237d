import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { pickDefined, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import { BuildingsService } from '../buildings/buildings.service';
import { MeasureUsage } from '../measures/measure-usage.service';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import { CreateScenarioDto, ScenarioResponseDto, UpdateScenarioDto } from './scenario.dto';
import { SCENARIO_AUDITED_FIELDS, toScenarioResponse } from './scenario.mapper';
import { isEditable } from './scenario.rules';
import { ScenarioFilters, ScenariosRepository } from './scenarios.repository';
import type { NewScenario, Scenario, ScenarioPackage, scenarios } from './scenarios.schema';

const SCENARIO: ResourceDefinition<Scenario> = {
  name: 'scenario',
  code: 'PROJECTS_SCENARIO',
  permissions: resourcePermissions('projects.scenarios'),
  events: PROJECTS_EVENTS.scenario,
  auditedFields: SCENARIO_AUDITED_FIELDS,
};

/** Scenario CRUD of drafts. Presenting: ScenarioPresentationService; copies and revisions: ScenarioCopyService; measures' changes: ScenarioDrafts. */
@Injectable()
export class ScenariosService extends ResourceService<typeof scenarios, ScenarioFilters, ScenarioResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: ScenariosRepository,
    private readonly buildings: BuildingsService,
    private readonly measures: MeasureUsage,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, SCENARIO, toScenarioResponse);
  }

  async create(dto: CreateScenarioDto): Promise<ScenarioResponseDto> {
    const scope = currentScope('projects.scenarios:create');
    if (dto.kind === 'comparison' && dto.packages.length > 0) throw ProjectsErrors.invalid([{ path: 'packages', message: 'a comparison scenario has no packages' }]);
    return this.steps.transaction(async () => {
      const building = await this.buildings.within(dto.buildingId, scope);
      const scenario = await this.insert({
        projectId: building.projectId,
        buildingId: building.id,
        name: dto.name,
        kind: dto.kind,
        packages: packagesOf(dto.packages),
        description: dto.description ?? null,
      });
      return toScenarioResponse(scenario);
    });
  }

  /** Inserts a scenario with its created event (and `extra` on it); inside the caller's transaction. */
  insert(values: NewScenario, extra: { copiedFromId?: string; previousRevisionId?: string } = {}): Promise<Scenario> {
    return this.steps.insert({ ...values, searchText: buildSearchText([values.name]) }, extra);
  }

  async update(id: string, version: number, dto: UpdateScenarioDto): Promise<ScenarioResponseDto> {
    const updated = await this.steps.update(id, version, async (current) => {
      if (!isEditable(current.status)) throw ProjectsErrors.scenarioNotDraft(id, current.status);
      const changes: Partial<NewScenario> = pickDefined({ name: dto.name, description: dto.description });
      if (dto.packages !== undefined) {
        if (current.kind === 'comparison' && dto.packages.length > 0) throw ProjectsErrors.invalid([{ path: 'packages', message: 'a comparison scenario has no packages' }]);
        const highest = await this.measures.highestPackage(id);
        if (highest > dto.packages.length) throw ProjectsErrors.packageInUse(highest);
        changes.packages = packagesOf(dto.packages);
      }
      return { ...changes, searchText: buildSearchText([changes.name ?? current.name]) };
    });
    return toScenarioResponse(updated);
  }
}

function packagesOf(packages: readonly { title: string; plannedYear?: number | null }[]): ScenarioPackage[] {
  return packages.map((p) => ({ title: p.title, plannedYear: p.plannedYear ?? null }));
}
