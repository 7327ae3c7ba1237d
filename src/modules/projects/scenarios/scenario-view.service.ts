import { Injectable } from '@nestjs/common';
import { checkMeasure, CheckResult, relevantDate } from '../checks/requirement-checks';
import type { BuildingComponent } from '../components/components.schema';
import { ComponentsService } from '../components/components.service';
import { toMeasureResponse } from '../measures/measure.mapper';
import { isEnvelope } from '../measures/measure.rules';
import type { Measure } from '../measures/measures.schema';
import { MeasuresService } from '../measures/measures.service';
import { ReferenceDataService, uValueMethodData } from '../reference/reference-data.service';
import { toScenarioResponse } from './scenario.mapper';
import { CheckedComponentDto, MeasureChecksResponseDto, MeasureDetailDto, ScenarioDetailDto, ScenarioFullResponseDto, SnapshotSummaryDto } from './scenario-view.dto';
import type { Scenario, ScenarioSnapshot } from './scenarios.schema';
import { ScenariosService } from './scenarios.service';
import { SnapshotsRepository } from './snapshots.repository';
import { berlinDate } from '@libs/shared';

/**
 * A scenario with its measures and their requirement checks. A draft is computed from the current
 * components and the reference data valid on each measure's relevant date; anything presented is
 * answered from its snapshot, so later changes of components or reference data never alter it.
 * The number of statements does not depend on the number of measures or components.
 */
@Injectable()
export class ScenarioViewService {
  constructor(
    private readonly scenarios: ScenariosService,
    private readonly measures: MeasuresService,
    private readonly components: ComponentsService,
    private readonly reference: ReferenceDataService,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  async full(id: string): Promise<ScenarioFullResponseDto> {
    const scenario = await this.scenarios.steps.get(id);
    const snapshot = scenario.status === 'draft' ? undefined : await this.snapshots.latestOf(id);
    if (snapshot) return { scenario: toScenarioResponse(scenario), frozen: true, snapshot: snapshotSummary(snapshot), detail: snapshot.content as unknown as ScenarioDetailDto };
    return { scenario: toScenarioResponse(scenario), frozen: false, snapshot: null, detail: await this.compute(scenario) };
  }

  /** A measure's checks: from its scenario's snapshot once presented, else computed now. */
  async measureChecks(measureId: string): Promise<MeasureChecksResponseDto> {
    const measure = await this.measures.steps.get(measureId);
    const scenario = await this.scenarios.steps.find(measure.scenarioId, { live: 'all', deleted: 'all' });
    const snapshot = scenario.status === 'draft' ? undefined : await this.snapshots.latestOf(scenario.id);
    if (snapshot) {
      const frozen = (snapshot.content as unknown as ScenarioDetailDto).measures.find((m) => m.id === measureId);
      if (frozen) return { measureId, frozen: true, checks: frozen.checks };
    }
    const detail = await this.details([measure], berlinDate());
    return { measureId, frozen: false, checks: detail.measures[0].checks };
  }

  /** The detail of a scenario as it is now (what presenting freezes). */
  async compute(scenario: Scenario, today = berlinDate()): Promise<ScenarioDetailDto> {
    const detail = await this.details(await this.measures.ofScenario(scenario.id), today);
    return { scenario: toScenarioResponse(scenario), ...detail, computedOn: today };
  }

  private async details(measures: readonly Measure[], today: string): Promise<Omit<ScenarioDetailDto, 'scenario' | 'computedOn'>> {
    const components = new Map((await this.components.byIds([...new Set(measures.flatMap((m) => m.componentIds))])).map((c) => [c.id, c]));
    const envelope = measures.filter((m) => isEnvelope(m.kind) && m.componentIds.length > 0);
    const sets = await this.reference.requirementSetsOn(envelope.map((m) => relevantDate(m, today)));
    const methodResponse = envelope.length > 0 ? await this.reference.uValueMethodOn(today) : undefined;
    const method = methodResponse && uValueMethodData(methodResponse);
    const detailed = measures.map((measure): MeasureDetailDto => {
      const changed = measure.componentIds.map((id) => components.get(id)).filter((c): c is BuildingComponent => c !== undefined);
      const checks: CheckResult[] =
        method && isEnvelope(measure.kind)
          ? checkMeasure(measure, changed.map((c) => ({ id: c.id, name: c.name, category: c.category, heatFlowDirection: c.heatFlowDirection, layers: c.layers, uValue: c.uValue })), sets, method, today)
          : [];
      return { ...toMeasureResponse(measure), components: changed.map(checkedComponent), checks };
    });
    const used = new Set(detailed.flatMap((m) => m.checks.map((c) => c.requirementSetId)));
    return {
      measures: detailed,
      requirementSets: sets.filter((s) => used.has(s.id)),
      uValueMethod: methodResponse ?? null,
      totals: {
        measureCount: measures.length,
        costEstimateNetCents: sum(measures.map((m) => m.costEstimateNetCents)),
        expectedFinalEnergySavingsKwhA: sum(measures.map((m) => m.expectedFinalEnergySavingsKwhA)),
        expectedCo2SavingsKgA: sum(measures.map((m) => m.expectedCo2SavingsKgA)),
      },
    };
  }
}

export function snapshotSummary(snapshot: Omit<ScenarioSnapshot, 'content'>): SnapshotSummaryDto {
  return {
    id: snapshot.id,
    scenarioId: snapshot.scenarioId,
    projectId: snapshot.projectId,
    version: snapshot.version,
    contentHash: snapshot.contentHash,
    presentedAt: snapshot.presentedAt,
    presentedBy: snapshot.presentedBy,
  };
}

function checkedComponent(c: BuildingComponent): CheckedComponentDto {
  return { id: c.id, name: c.name, category: c.category, areaM2: c.areaM2, uValue: c.uValue, uValueRounded: c.uValueRounded, layers: c.layers };
}

/** Sum of optional figures (cents stay integers; kWh and kg keep their one decimal without float noise). */
function sum(values: readonly (number | null)[]): number {
  return Math.round(values.reduce<number>((total, v) => total + (v ?? 0), 0) * 10) / 10;
}
