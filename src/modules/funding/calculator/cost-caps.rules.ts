import type { DatedAmount, UnitCaps } from '../programs/rule-body';

/** The value of a dated step list on `date` (the last step that has begun), else `fallback`. */
export function stepOn<T extends { from: string }>(steps: readonly T[] | undefined, date: string): T | undefined {
  let found: T | undefined;
  for (const step of steps ?? []) if (step.from <= date && (!found || step.from >= found.from)) found = step;
  return found;
}

export function firstUnitCapOn(caps: UnitCaps, date: string): number {
  return stepOn<DatedAmount>(caps.firstUnitSteps, date)?.cents ?? caps.firstUnitCents;
}

/** The cap of each unit of a building: the first, units 2–6, units 7 and up (units are bounded by the DTO). */
export function unitCaps(caps: UnitCaps, units: number, date: string): number[] {
  const first = firstUnitCapOn(caps, date);
  return Array.from({ length: Math.max(1, units) }, (_, i) => (i === 0 ? first : i < 6 ? caps.units2To6Cents : caps.unit7PlusCents));
}

/** The building's cap: the sum of its units' caps, optionally limited by a building maximum. */
export function buildingCap(caps: UnitCaps, units: number, date: string, buildingMaxCents: number | null = null): number {
  const sum = unitCaps(caps, units, date).reduce((a, b) => a + b, 0);
  return buildingMaxCents === null ? sum : Math.min(sum, buildingMaxCents);
}
