import type { ClimateSpeedBonus, IncomeBonus, IsfpBonus, MeasureKindBonus, WorstPerformingBuildingBonus } from '../programs/rule-body';
import type { CalcBuilding, CalcHousehold, CalcMeasure } from './calculation.types';
import { stepOn } from './cost-caps.rules';

/** Adds whole years to a calendar date (YYYY-MM-DD) as text: 29 Feb stays comparable. */
export function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** An iSFP counts when it exists, is not dated after the decisive day, and is at most `maxAgeYears` old. */
export function isfpCounts(bonus: IsfpBonus | undefined, building: CalcBuilding, date: string): boolean {
  if (!bonus || !building.isfpDate) return false;
  return building.isfpDate <= date && addYears(building.isfpDate, bonus.maxAgeYears) >= date;
}

/** A bonus announced with a start day that has come, for one of its measure kinds. */
export function kindBonusApplies(bonus: MeasureKindBonus | undefined, measure: CalcMeasure, date: string): boolean {
  return !!bonus && bonus.from !== null && bonus.from <= date && bonus.measureKinds.includes(measure.kind);
}

export function isWorstPerformingBuilding(bonus: WorstPerformingBuildingBonus, building: CalcBuilding): boolean {
  const byEnergy = building.finalEnergyKwhM2a !== null && building.finalEnergyKwhM2a >= bonus.minFinalEnergyKwhM2a;
  const byClass = building.energyCertificateClass !== null && bonus.certificateClasses.includes(building.energyCertificateClass);
  return byEnergy || byClass;
}

/** The climate-speed bonus of the owner-occupied share on `date` (0 when the replaced heating does not qualify). */
export function climateSpeedRate(bonus: ClimateSpeedBonus | undefined, measure: CalcMeasure, building: CalcBuilding, date: string): number {
  if (!bonus || measure.fossilPeakLoad) return 0;
  const rate = stepOn(bonus.steps, date)?.rateBp ?? 0;
  const { kind, ageYears, working } = building.replacedHeating;
  if (rate === 0 || kind === null || working !== true) return 0;
  if (bonus.replacedHeatingAnyAge.includes(kind)) return rate;
  if (bonus.replacedHeatingMinAge.includes(kind) && ageYears !== null && ageYears >= bonus.minAgeYears) return rate;
  return 0;
}

/** The income the thresholds compare: reduced by the family supplement (once, or per child in rules that said so). */
export function adjustedIncome(bonus: IncomeBonus | undefined, household: CalcHousehold): number | null {
  if (household.taxableIncomeCents === null) return null;
  const supplement = bonus?.familySupplement;
  const children = Math.max(0, household.minorChildren);
  const reduction = supplement && children > 0 ? supplement.reductionCents * (supplement.perChild ? children : 1) : 0;
  return Math.max(0, household.taxableIncomeCents - reduction);
}

/** The income bonus: the first threshold the adjusted income does not exceed (thresholds ascending). */
export function incomeRate(bonus: IncomeBonus | undefined, household: CalcHousehold): number {
  const income = adjustedIncome(bonus, household);
  if (!bonus || income === null || !household.ownerOccupied) return 0;
  const steps = [...bonus.steps].sort((a, b) => a.maxIncomeCents - b.maxIncomeCents);
  return steps.find((step) => income <= step.maxIncomeCents)?.rateBp ?? 0;
}
