import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { currentScope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import { fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { canonicalJson } from '@libs/idempotency';
import type { ScenarioMeasureSummaryV1 } from '../projects.events';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import { canTransition } from '../projects/project.rules';
import { ProjectsService } from '../projects/projects.service';
import { SCENARIO_AUDITED_FIELDS, toScenarioResponse } from './scenario.mapper';
import { isEditable, planScenarioStatus, presentationErrors } from './scenario.rules';
import { ScenarioDetailDto, ScenarioFullResponseDto } from './scenario-view.dto';
import { ScenarioViewService, snapshotSummary } from './scenario-view.service';
import type { Scenario, ScenarioStatus } from './scenarios.schema';
import { ScenariosService } from './scenarios.service';
import { SnapshotsRepository } from './snapshots.repository';
import { berlinDate } from '@libs/shared';

/**
 * Presenting a scenario to the client freezes it: in one transaction the draft is checked (iSFP
 * packages, measures with resulting U-values), its detail is written as an immutable snapshot with
 * a sha256 content hash, the scenario becomes `presented`, an earlier presented revision becomes
 * `superseded`, a surveyed project moves to `scenarios_presented`, and `projects.scenario.presented`
 * is appended. Accepting and rejecting are status moves of the presented scenario.
 */
@Injectable()
export class ScenarioPresentationService {
  constructor(
    private readonly scenarios: ScenariosService,
    private readonly view: ScenarioViewService,
    private readonly snapshots: SnapshotsRepository,
    private readonly projects: ProjectsService,
  ) {}

  present(id: string, version: number | undefined): Promise<ScenarioFullResponseDto> {
    const scope = currentScope('projects.scenarios:present');
    return this.scenarios.steps.transaction(async () => {
      const scenario = await this.scenarios.steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && scenario.version !== version) throw staleResource();
      if (!isEditable(scenario.status)) throw ProjectsErrors.scenarioNotDraft(id, scenario.status);
      const detail = await this.view.compute(scenario, berlinDate());
      const errors = presentationErrors({
        kind: scenario.kind,
        packages: scenario.packages,
        measures: detail.measures.map((m) => ({ kind: m.kind, packageNumber: m.packageNumber, componentCount: m.componentIds.length, outcomes: m.checks.map((c) => c.outcome) })),
      });
      if (errors.length) throw ProjectsErrors.scenarioNotPresentable(errors);

      const now = new Date();
      const presented = await this.scenarios.repository.update(id, scenario.version, { status: 'presented', statusChangedAt: now, presentedAt: now }, scope);
      if (!presented) throw staleResource();
      // The snapshot is the JSON as stored: hashing the parsed form makes the hash reproducible from what is read back.
      const content = JSON.parse(JSON.stringify({ ...detail, scenario: toScenarioResponse(presented) })) as ScenarioDetailDto;
      const contentHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
      const snapshot = await this.snapshots.insert({
        scenarioId: id,
        projectId: scenario.projectId,
        version: scenario.revision,
        content: content as unknown as Record<string, unknown>,
        contentHash,
        presentedAt: now,
        presentedBy: currentActorId() ?? null,
      });
      const superseded = await this.supersedePreviousRevision(presented);
      await this.advanceProject(scenario.projectId);
      await this.scenarios.steps.publish(
        PROJECTS_EVENTS.scenario.presented(id, {
          projectId: scenario.projectId,
          buildingId: scenario.buildingId,
          scenarioKind: scenario.kind,
          revision: scenario.revision,
          previousRevisionId: scenario.previousRevisionId,
          snapshotId: snapshot.id,
          snapshotVersion: snapshot.version,
          contentHash,
          presentedAt: now.toISOString(),
          packageCount: scenario.packages.length,
          measures: content.measures.map(measureSummary),
          totals: content.totals,
          supersededScenarioIds: superseded,
          changes: fieldChanges(scenario, presented, SCENARIO_AUDITED_FIELDS),
        }),
      );
      return { scenario: toScenarioResponse(presented), frozen: true, snapshot: snapshotSummary(snapshot), detail: content };
    });
  }

  /** `POST /scenarios/{id}/status`: accept, reject or supersede a presented scenario. */
  changeStatus(id: string, version: number | undefined, to: ScenarioStatus) {
    const scope = currentScope('projects.scenarios:present');
    return this.scenarios.steps.transaction(async () => {
      const scenario = await this.scenarios.steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && scenario.version !== version) throw staleResource();
      const plan = planScenarioStatus(scenario.status, to);
      if (!plan.ok) {
        if (plan.error === 'present_via_endpoint') throw ProjectsErrors.illegalScenarioTransition(scenario.status, to, ['presented (POST /scenarios/{id}/present)']);
        throw ProjectsErrors.illegalScenarioTransition(scenario.status, to, plan.allowed);
      }
      return toScenarioResponse(plan.changed ? await this.moveStatus(scenario, to) : scenario);
    });
  }

  private async moveStatus(scenario: Scenario, to: ScenarioStatus): Promise<Scenario> {
    const updated = await this.scenarios.repository.update(scenario.id, scenario.version, { status: to, statusChangedAt: new Date() }, 'all');
    if (!updated) throw staleResource();
    await this.scenarios.steps.publish(
      PROJECTS_EVENTS.scenario.statusChanged(scenario.id, {
        projectId: scenario.projectId,
        from: scenario.status,
        to,
        changes: fieldChanges(scenario, updated, SCENARIO_AUDITED_FIELDS),
      }),
    );
    return updated;
  }

  /** The revision this one replaces, if it was presented (or decided on), is superseded now. */
  private async supersedePreviousRevision(scenario: Scenario): Promise<string[]> {
    if (!scenario.previousRevisionId) return [];
    const previous = await this.scenarios.repository.findById(scenario.previousRevisionId, 'all', { forUpdate: true });
    if (!previous || !planScenarioStatus(previous.status, 'superseded').ok || previous.status === 'superseded') return [];
    await this.moveStatus(previous, 'superseded');
    return [previous.id];
  }

  /** A surveyed project has now seen its scenarios; in any other state it stays where it is. */
  private async advanceProject(projectId: string): Promise<void> {
    const project = await this.projects.repository.findById(projectId, 'all');
    if (project && canTransition(project.status, 'scenarios_presented')) await this.projects.moveStatus(projectId, 'scenarios_presented', null, 'all');
  }
}

function measureSummary(m: ScenarioDetailDto['measures'][number]): ScenarioMeasureSummaryV1 {
  return {
    measureId: m.id,
    kind: m.kind,
    title: m.title,
    packageNumber: m.packageNumber,
    costEstimateNetCents: m.costEstimateNetCents,
    vatCategory: m.vatCategory,
    plannedYear: m.plannedYear,
    componentIds: m.componentIds,
    checks: m.checks.map((c) => ({
      componentId: c.componentId,
      requirementSetId: c.requirementSetId,
      requirementSetKey: c.requirementSetKey,
      outcome: c.outcome,
      uValueRounded: c.uValueRounded,
      uMax: c.uMax,
    })),
  };
}
