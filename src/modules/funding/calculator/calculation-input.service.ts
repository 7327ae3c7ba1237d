import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ProjectsQueries, type BuildingFundingFactsV1, type ProjectsMeasure, type ProjectsScenario } from '../../projects';
import { FundingErrors } from '../funding.errors';
import type { CalcBuilding, CalcMeasure, CalculationInput, RouteKey } from './calculation.types';
import { CALCULATION_LIMITS, CalculationRequestDto } from './calculation.dto';
import { ROUTE_KEYS } from './calculation.types';

export interface AssembledInput {
  input: CalculationInput;
  routes: RouteKey[];
  scenario: ProjectsScenario | null;
}

/**
 * Turns a request into the calculator's input: measures and building facts from the projects
 * context (through its facade, within the actor's scope) when a scenario is named, overridden by
 * what the request says; plain request facts otherwise.
 */
@Injectable()
export class CalculationInputService {
  constructor(private readonly projects: ProjectsQueries) {}

  async assemble(dto: CalculationRequestDto): Promise<AssembledInput> {
    const routes = dto.routes && dto.routes.length > 0 ? dto.routes : [...ROUTE_KEYS];
    let scenario: ProjectsScenario | null = null;
    let projectMeasures: ProjectsMeasure[] = [];
    let facts: BuildingFundingFactsV1 | undefined;
    if (dto.measureId && !dto.scenarioId) throw FundingErrors.measureNotVisible('measureId');
    if (dto.scenarioId) {
      scenario = (await this.projects.scenario(dto.scenarioId)) ?? null;
      if (!scenario) throw FundingErrors.scenarioNotVisible();
      projectMeasures = await this.projects.measuresOfScenario(scenario.id);
      if (dto.measureId) {
        projectMeasures = projectMeasures.filter((m) => m.id === dto.measureId);
        if (projectMeasures.length === 0) throw FundingErrors.measureNotVisible('measureId');
      }
      projectMeasures = projectMeasures.slice(0, CALCULATION_LIMITS.measures);
      facts = await this.projects.buildingFundingFacts(scenario.buildingId);
    }
    const measures = this.measures(dto, projectMeasures);
    // A scenario without (costed) measures answers zeros; a request naming nothing at all is refused.
    if (!scenario && measures.length === 0 && dto.consultationFeeCents === undefined) throw FundingErrors.noMeasures();
    const household = { ownerOccupied: dto.household.ownerOccupied, taxableIncomeCents: dto.household.taxableIncomeCents ?? null, minorChildren: dto.household.minorChildren ?? 0 };
    const input: CalculationInput = {
      date: dto.date,
      measures,
      building: this.building(dto, facts, household.ownerOccupied),
      household,
      planningCostsCents: dto.planningCostsCents ?? 0,
      consultationFeeCents: dto.consultationFeeCents ?? null,
      wegPresentation: dto.wegPresentation ?? false,
      efficiencyHouse: dto.efficiencyHouse
        ? { efficiencyClass: dto.efficiencyHouse.efficiencyClass, renewableClass: dto.efficiencyHouse.renewableClass, serialRenovation: dto.efficiencyHouse.serialRenovation ?? false, sustainabilityClass: dto.efficiencyHouse.sustainabilityClass ?? false }
        : null,
    };
    return { input, routes, scenario };
  }

  private measures(dto: CalculationRequestDto, projectMeasures: ProjectsMeasure[]): CalcMeasure[] {
    const overrides = new Map((dto.measures ?? []).filter((m) => m.measureId).map((m) => [m.measureId!, m]));
    const result: CalcMeasure[] = projectMeasures.map((m) => {
      const o = overrides.get(m.id);
      return {
        measureId: m.id,
        kind: o?.kind ?? m.kind,
        costCents: o?.costCents ?? m.costEstimateNetCents ?? 0,
        euOrigin: o?.euOrigin ?? false,
        naturalRefrigerant: o?.naturalRefrigerant ?? false,
        biomassLowEmission: o?.biomassLowEmission ?? false,
        fossilPeakLoad: o?.fossilPeakLoad ?? false,
        otherPublicFundingCents: o?.otherPublicFundingCents ?? 0,
      };
    });
    (dto.measures ?? []).forEach((m, index) => {
      if (m.measureId && projectMeasures.some((p) => p.id === m.measureId)) return;
      if (m.measureId) throw FundingErrors.measureNotVisible(`measures[${index}].measureId`);
      if (!m.kind || m.costCents === undefined) throw FundingErrors.measureIncomplete(index);
      result.push({
        measureId: null,
        kind: m.kind,
        costCents: m.costCents,
        euOrigin: m.euOrigin ?? false,
        naturalRefrigerant: m.naturalRefrigerant ?? false,
        biomassLowEmission: m.biomassLowEmission ?? false,
        fossilPeakLoad: m.fossilPeakLoad ?? false,
        otherPublicFundingCents: m.otherPublicFundingCents ?? 0,
      });
    });
    return result;
  }

  private building(dto: CalculationRequestDto, facts: BuildingFundingFactsV1 | undefined, ownerOccupied: boolean): CalcBuilding {
    const b = dto.building ?? {};
    const units = Math.min(CALCULATION_LIMITS.units, Math.max(1, b.units ?? facts?.residentialUnits ?? 1));
    const year = Number(dto.date.slice(0, 4));
    const installed = facts?.heating.yearInstalled ?? null;
    return {
      units,
      affectedUnits: Math.min(units, b.affectedUnits ?? units),
      ownerOccupiedUnits: Math.min(units, b.ownerOccupiedUnits ?? facts?.ownerOccupiedUnits ?? (ownerOccupied ? 1 : 0)),
      yearOfConstruction: b.yearOfConstruction ?? facts?.yearOfConstruction ?? null,
      finalEnergyKwhM2a: b.finalEnergyKwhM2a ?? facts?.finalEnergyKwhM2a ?? null,
      energyCertificateClass: b.energyCertificateClass ?? facts?.energyCertificateClass ?? null,
      replacedHeating: {
        kind: b.replacedHeating?.kind !== undefined ? b.replacedHeating.kind : (facts?.heating.kind ?? null),
        // The age on the decisive date, not today.
        ageYears: b.replacedHeating?.ageYears !== undefined ? b.replacedHeating.ageYears : installed === null ? null : Math.max(0, year - installed),
        working: b.replacedHeating?.working !== undefined ? b.replacedHeating.working : (facts?.heating.working ?? null),
      },
      isfpDate: b.isfpDate ?? (facts?.isfp ? DateTime.fromISO(facts.isfp.presentedAt).setZone('Europe/Berlin').toISODate() : null),
    };
  }
}
