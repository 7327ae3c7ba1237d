import { Injectable } from '@nestjs/common';
import type { Scope } from '@libs/auth';
import { referenceNotFound } from '@libs/resource';
import { ProjectsErrors } from '../projects.errors';
import { isEditable } from './scenario.rules';
import type { Scenario } from './scenarios.schema';
import { ScenariosRepository } from './scenarios.repository';

/** The draft scenario a change of its measures goes to (apart from ScenariosService, which needs the measures). */
@Injectable()
export class ScenarioDrafts {
  constructor(private readonly repository: ScenariosRepository) {}

  /**
   * Locked for the rest of the transaction (so presenting and changing measures serialise), within
   * `scope` (422 on `scenarioId` otherwise) and a draft (409 otherwise).
   */
  async forChange(id: string, scope: Scope): Promise<Scenario> {
    const scenario = await this.repository.findById(id, scope, { forUpdate: true });
    if (!scenario) throw referenceNotFound('scenarioId', 'scenario');
    if (!isEditable(scenario.status)) throw ProjectsErrors.scenarioNotDraft(id, scenario.status);
    return scenario;
  }
}
