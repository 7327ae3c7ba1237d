import { FUNDING_PROGRAMS } from '../programs/funding-programs.data';
import type { CalcMeasure, CalculationInput, ProgramKey, RuleVersionRef } from './calculation.types';
import type { RulesByProgram } from './routes.rules';

/** The seeded rule version of `key` valid on `date`, as the service would select it (tests only). */
export function seededRule(key: ProgramKey, date: string): RuleVersionRef | undefined {
  const program = FUNDING_PROGRAMS.find((p) => p.key === key)!;
  const version = program.versions.find((v) => v.validFrom <= date && (v.validTo === null || v.validTo >= date));
  return version && { id: `${key}:${version.validFrom}`, programKey: key, programName: program.name, versionLabel: version.label, validFrom: version.validFrom, validTo: version.validTo, source: version.source, body: version.body };
}

export function seededRules(date: string): RulesByProgram {
  const rules: RulesByProgram = {};
  for (const program of FUNDING_PROGRAMS) {
    const rule = seededRule(program.key as ProgramKey, date);
    if (rule) rules[program.key as ProgramKey] = rule;
  }
  return rules;
}

export function measure(kind: string, euros: number, extra: Partial<CalcMeasure> = {}): CalcMeasure {
  return { measureId: null, kind, costCents: euros * 100, euOrigin: false, naturalRefrigerant: false, biomassLowEmission: false, fossilPeakLoad: false, otherPublicFundingCents: 0, ...extra };
}

export function input(date: string, overrides: Partial<CalculationInput> = {}, building: Partial<CalculationInput['building']> = {}): CalculationInput {
  return {
    date,
    measures: [],
    household: { ownerOccupied: true, taxableIncomeCents: null, minorChildren: 0 },
    planningCostsCents: 0,
    consultationFeeCents: null,
    wegPresentation: false,
    efficiencyHouse: null,
    ...overrides,
    building: {
      units: 1,
      affectedUnits: 1,
      ownerOccupiedUnits: 1,
      yearOfConstruction: 1970,
      finalEnergyKwhM2a: null,
      energyCertificateClass: null,
      replacedHeating: { kind: 'oil_boiler', ageYears: 25, working: true },
      isfpDate: null,
      ...building,
    },
  };
}
