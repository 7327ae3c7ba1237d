import type { FieldError } from '@libs/http';
import { CATEGORY_THERMAL } from '../components/component.rules';
import type { ComponentCategory, EnvelopeTrigger } from '../shared/projects-enums.schema';
import type { ScenarioKind } from '../scenarios/scenarios.schema';
import type { MeasureKind } from './measures.schema';

/** Envelope measures and the component categories each may change; the other kinds change plant, not components. */
export const ENVELOPE_CATEGORIES: Readonly<Partial<Record<MeasureKind, readonly ComponentCategory[]>>> = {
  wall_insulation: ['external_wall_air', 'external_wall_ground', 'external_wall_unheated', 'dormer'],
  roof_insulation: ['pitched_roof', 'flat_roof', 'dormer'],
  ceiling_insulation: ['top_floor_ceiling', 'basement_ceiling', 'ceiling_to_outside_below'],
  floor_insulation: ['ground_slab', 'basement_ceiling', 'ceiling_to_outside_below'],
  windows: ['window', 'roof_window', 'curtain_wall', 'glass_roof'],
  doors: ['external_door'],
};

export function isEnvelope(kind: MeasureKind): boolean {
  return ENVELOPE_CATEGORIES[kind] !== undefined;
}

/** What GEG Anlage 7 calls the change when the request names none: windows and doors are replaced, the rest insulated. */
export function defaultTrigger(kind: MeasureKind): EnvelopeTrigger {
  if (kind === 'windows' || kind === 'doors') return 'replacement';
  return isEnvelope(kind) ? 'insulation_added' : 'any';
}

export interface MeasureShape {
  kind: MeasureKind;
  packageNumber: number | null;
  hasNewLayers: boolean;
  targetUValue: number | null;
  componentCategories: readonly ComponentCategory[];
}

export interface ScenarioShape {
  kind: ScenarioKind;
  packageCount: number;
}

/** Why a measure does not fit its scenario and its kind (empty when it does). */
export function measureErrors(measure: MeasureShape, scenario: ScenarioShape): FieldError[] {
  const errors: FieldError[] = [];
  if (scenario.kind === 'isfp') {
    if (measure.packageNumber === null) errors.push({ path: 'packageNumber', message: 'a measure of an iSFP scenario belongs to one of its packages' });
    else if (measure.packageNumber > scenario.packageCount) {
      errors.push({ path: 'packageNumber', message: `the scenario has ${scenario.packageCount} package(s); packageNumber must be 1 to ${scenario.packageCount}` });
    }
  } else if (measure.packageNumber !== null) {
    errors.push({ path: 'packageNumber', message: 'a comparison scenario has no packages' });
  }
  const allowed = ENVELOPE_CATEGORIES[measure.kind];
  if (!allowed) {
    if (measure.componentCategories.length > 0) errors.push({ path: 'componentIds', message: `a ${measure.kind} measure changes plant, not envelope components` });
    if (measure.hasNewLayers) errors.push({ path: 'newLayers', message: `a ${measure.kind} measure has no layers` });
    if (measure.targetUValue !== null) errors.push({ path: 'targetUValue', message: `a ${measure.kind} measure has no U-value` });
    return errors;
  }
  const misfits = [...new Set(measure.componentCategories.filter((category) => !allowed.includes(category)))];
  if (misfits.length > 0) errors.push({ path: 'componentIds', message: `a ${measure.kind} measure changes ${allowed.join(', ')}, not ${misfits.join(', ')}` });
  if (measure.hasNewLayers && measure.targetUValue !== null) {
    errors.push({ path: 'targetUValue', message: 'give either newLayers (the U-value is computed) or targetUValue, not both' });
  }
  if (measure.hasNewLayers && allowed.every((category) => !CATEGORY_THERMAL[category].layered)) {
    errors.push({ path: 'newLayers', message: 'windows, doors, curtain walls and glass roofs take a targetUValue (their declared value), not layers' });
  }
  return errors;
}
