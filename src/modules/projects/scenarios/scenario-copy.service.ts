import { Injectable } from '@nestjs/common';
import { currentScope } from '@libs/auth';
import { AppError } from '@libs/http';
import { BuildingsService } from '../buildings/buildings.service';
import { MeasuresService } from '../measures/measures.service';
import { CopyScenarioDto, ScenarioResponseDto } from './scenario.dto';
import { toScenarioResponse } from './scenario.mapper';
import { isEditable } from './scenario.rules';
import type { Scenario } from './scenarios.schema';
import { ScenariosService } from './scenarios.service';

/**
 * New drafts from existing scenarios, with copies of their measures: a copy (an independent
 * variant, revision 1) or a revision of a presented scenario (the way to change what was shown:
 * the presented one stays frozen, the revision is edited and presented in its turn, superseding it).
 */
@Injectable()
export class ScenarioCopyService {
  constructor(
    private readonly scenarios: ScenariosService,
    private readonly buildings: BuildingsService,
    private readonly measures: MeasuresService,
  ) {}

  copy(id: string, dto: CopyScenarioDto): Promise<ScenarioResponseDto> {
    return this.duplicate(id, (source) => ({ name: dto.name ?? `${source.name} (Kopie)`, revision: 1, previousRevisionId: null, copiedFromId: source.id }));
  }

  revise(id: string): Promise<ScenarioResponseDto> {
    return this.duplicate(id, (source) => {
      if (isEditable(source.status)) {
        throw AppError.conflict('PROJECTS_SCENARIO_IS_DRAFT', `The scenario ${id} is a draft: change it directly; revisions are made of presented scenarios.`);
      }
      return { name: source.name, revision: source.revision + 1, previousRevisionId: source.id, copiedFromId: null };
    });
  }

  private duplicate(id: string, lineage: (source: Scenario) => Pick<Scenario, 'name' | 'revision' | 'previousRevisionId' | 'copiedFromId'>): Promise<ScenarioResponseDto> {
    const createScope = currentScope('projects.scenarios:create');
    return this.scenarios.steps.transaction(async () => {
      const source = await this.scenarios.steps.find(id, currentScope('projects.scenarios:read'));
      const of = lineage(source);
      // The new scenario goes into the same building: its project must be within the create scope.
      await this.buildings.within(source.buildingId, createScope);
      const copy = await this.scenarios.insert(
        { projectId: source.projectId, buildingId: source.buildingId, kind: source.kind, packages: source.packages, description: source.description, ...of },
        of.previousRevisionId ? { previousRevisionId: of.previousRevisionId } : { copiedFromId: source.id },
      );
      await this.measures.copyInto(await this.measures.ofScenario(source.id), copy);
      return toScenarioResponse(copy);
    });
  }
}
