import type { LocalizedText } from '@libs/shared';
import { CATEGORY_THERMAL, surfaceResistancesFor, UValueMethodData } from '../components/component.rules';
import { formatSignificant, roundSignificant, uValueOfLayers, uValueWithAddedLayers } from '../components/u-value';
import type { StoredLayer } from '../shared/layer';
import type { ComponentCategory, EnvelopeTrigger, HeatFlowDirection } from '../shared/projects-enums.schema';
import { CATEGORY_LABELS } from './category-labels';

/*
 * Checks of envelope measures against dated requirement sets (GEG Anlage 7 maxima, BEG EM technical
 * minimum requirements): pure functions over the measure, the components it changes, the set
 * versions valid on the relevant date and the U-value method. Nothing here knows a limit value.
 */

export interface CheckComponent {
  id: string;
  name: string;
  category: ComponentCategory;
  heatFlowDirection: HeatFlowDirection | null;
  layers: readonly StoredLayer[];
  /** Its current U-value (computed or declared), unrounded. */
  uValue: number | null;
}

export interface CheckMeasure {
  id: string;
  trigger: EnvelopeTrigger;
  newLayers: readonly StoredLayer[] | null;
  replacesLayers: boolean;
  targetUValue: number | null;
  /** ISO date the checks use; null: the day they run. */
  plannedDate: string | null;
}

export interface LimitData {
  id: string;
  category: ComponentCategory;
  trigger: EnvelopeTrigger;
  quantity: 'u' | 'u_w' | 'u_g' | 'u_c';
  uMax: number;
  citation: string;
  componentLabel: LocalizedText;
}

export interface RequirementSetData {
  id: string;
  key: string;
  shortName: LocalizedText;
  name: LocalizedText;
  versionLabel: string;
  /** ISO dates, both inclusive; validTo null = open-ended. */
  validFrom: string;
  validTo: string | null;
  limits: readonly LimitData[];
}

export type CheckOutcome = 'pass' | 'fail' | 'no_requirement' | 'not_computable';

export interface CheckResult {
  componentId: string;
  componentName: string;
  category: ComponentCategory;
  /** The date whose valid requirement-set version was used (ISO). */
  checkedOn: string;
  requirementSetId: string;
  requirementSetKey: string;
  requirementSetVersion: string;
  limitId: string | null;
  citation: string | null;
  quantity: LimitData['quantity'] | null;
  /** The resulting U-value, unrounded and as the method presents it. */
  uValue: number | null;
  uValueRounded: number | null;
  uMax: number | null;
  outcome: CheckOutcome;
  explanation: LocalizedText;
}

/** The date a measure's checks use: its planned date, else today. */
export function relevantDate(measure: Pick<CheckMeasure, 'plannedDate'>, today: string): string {
  return measure.plannedDate ?? today;
}

/** Per set key, the version valid on `date` (ranges inclusive); keys without one are left out. */
export function setsValidOn(sets: readonly RequirementSetData[], date: string): RequirementSetData[] {
  return sets.filter((set) => set.validFrom <= date && (set.validTo === null || date <= set.validTo)).sort((a, b) => a.key.localeCompare(b.key));
}

/** The set's limit for a category under a trigger: the trigger's own row, else the one for any trigger. */
export function limitFor(set: RequirementSetData, category: ComponentCategory, trigger: EnvelopeTrigger): LimitData | undefined {
  return set.limits.find((l) => l.category === category && l.trigger === trigger) ?? set.limits.find((l) => l.category === category && l.trigger === 'any');
}

/**
 * The component's U-value after the measure: the target U-value when given; else its layers with
 * the new ones added (or replaced by them); a component known only by its U-value gets the new
 * layers' resistances added to 1/U. Null when nothing says.
 */
export function resultingUValue(measure: CheckMeasure, component: CheckComponent, method: UValueMethodData): number | null {
  if (measure.targetUValue !== null) return measure.targetUValue;
  const added = measure.newLayers ?? [];
  if (added.length === 0 || !CATEGORY_THERMAL[component.category].layered) return null;
  if (!measure.replacesLayers && component.layers.length === 0) {
    return component.uValue !== null && component.uValue > 0 ? uValueWithAddedLayers(component.uValue, added) : null;
  }
  const surface = surfaceResistancesFor(method, component.category, component.heatFlowDirection);
  if (!surface) return null;
  return uValueOfLayers(measure.replacesLayers ? added : [...component.layers, ...added], surface);
}

/** One check result per component and requirement set valid on the measure's relevant date. */
export function checkMeasure(
  measure: CheckMeasure,
  components: readonly CheckComponent[],
  sets: readonly RequirementSetData[],
  method: UValueMethodData,
  today: string,
): CheckResult[] {
  const date = relevantDate(measure, today);
  const valid = setsValidOn(sets, date);
  return components.flatMap((component) => {
    const uValue = resultingUValue(measure, component, method);
    return valid.map((set) => checkOne(set, component, measure.trigger, uValue, method.significantFigures, date));
  });
}

function checkOne(set: RequirementSetData, component: CheckComponent, trigger: EnvelopeTrigger, uValue: number | null, figures: number, date: string): CheckResult {
  const limit = limitFor(set, component.category, trigger);
  const base = {
    componentId: component.id,
    componentName: component.name,
    category: component.category,
    checkedOn: date,
    requirementSetId: set.id,
    requirementSetKey: set.key,
    requirementSetVersion: set.versionLabel,
    limitId: limit?.id ?? null,
    citation: limit?.citation ?? null,
    quantity: limit?.quantity ?? null,
    uValue,
    uValueRounded: uValue === null ? null : roundSignificant(uValue, figures),
    uMax: limit?.uMax ?? null,
  };
  if (uValue === null) return { ...base, outcome: 'not_computable', explanation: notComputable(component) };
  if (!limit) return { ...base, outcome: 'no_requirement', explanation: noRequirement(set, component.category) };
  // The requirement is met when U, stated as the standard presents it, does not exceed the limit.
  const passed = (base.uValueRounded as number) <= limit.uMax;
  return { ...base, outcome: passed ? 'pass' : 'fail', explanation: verdict(passed, set, limit, uValue, figures) };
}

const SYMBOL = { u: 'U', u_w: 'U_w', u_g: 'U_g', u_c: 'U_c' } as const;
const UNIT = 'W/(m²·K)';

function verdict(passed: boolean, set: RequirementSetData, limit: LimitData, uValue: number, figures: number): LocalizedText {
  const symbol = SYMBOL[limit.quantity];
  const value = (locale: 'de' | 'en') => formatSignificant(uValue, figures, locale);
  const max = (locale: 'de' | 'en') => formatSignificant(limit.uMax, 2, locale);
  return {
    de: passed
      ? `${symbol} = ${value('de')} ${UNIT} hält ${max('de')} ${UNIT} ein (${set.shortName.de} für ${limit.componentLabel.de}).`
      : `${symbol} = ${value('de')} ${UNIT} überschreitet ${max('de')} ${UNIT} (${set.shortName.de} für ${limit.componentLabel.de}).`,
    en: passed
      ? `${symbol} = ${value('en')} ${UNIT} meets the ${set.shortName.en} ${max('en')} for ${limit.componentLabel.en}.`
      : `${symbol} = ${value('en')} ${UNIT} exceeds the ${set.shortName.en} ${max('en')} for ${limit.componentLabel.en}.`,
  };
}

function noRequirement(set: RequirementSetData, category: ComponentCategory): LocalizedText {
  return {
    de: `${set.name.de} (${set.versionLabel}) nennt keinen Grenzwert für ${CATEGORY_LABELS[category].de}.`,
    en: `${set.name.en} (${set.versionLabel}) sets no limit for ${CATEGORY_LABELS[category].en}.`,
  };
}

function notComputable(component: CheckComponent): LocalizedText {
  return {
    de: `Kein resultierender U-Wert für „${component.name}“: Die Maßnahme nennt weder neue Schichten noch einen Ziel-U-Wert, oder das Bauteil hat weder Schichten noch einen U-Wert.`,
    en: `No resulting U-value for "${component.name}": the measure gives neither new layers nor a target U-value, or the component has neither layers nor a U-value.`,
  };
}
