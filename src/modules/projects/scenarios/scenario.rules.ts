import type { FieldError } from '@libs/http';
import type { CheckOutcome } from '../checks/requirement-checks';
import { isEnvelope } from '../measures/measure.rules';
import type { MeasureKind } from '../measures/measures.schema';
import type { ScenarioKind, ScenarioPackage, ScenarioStatus } from './scenarios.schema';

/**
 * draft → presented (only by presenting, which freezes it) → accepted | rejected | superseded;
 * a decided scenario can still be superseded by a newer revision. Only drafts change.
 */
export const SCENARIO_TRANSITIONS: Readonly<Record<ScenarioStatus, readonly ScenarioStatus[]>> = {
  draft: ['presented'],
  presented: ['accepted', 'rejected', 'superseded'],
  accepted: ['superseded'],
  rejected: ['superseded'],
  superseded: [],
};

/** The iSFP has exactly one package (a single step) or three to five (dena's print application accepts no other layout). */
export const ISFP_PACKAGE_COUNTS: readonly number[] = [1, 3, 4, 5];

export function isEditable(status: ScenarioStatus): boolean {
  return status === 'draft';
}

export type ScenarioStatusChange =
  | { ok: true; changed: boolean }
  | { ok: false; error: 'illegal_transition'; allowed: readonly ScenarioStatus[] }
  | { ok: false; error: 'present_via_endpoint' };

/** A status move requested directly (not by presenting). */
export function planScenarioStatus(current: ScenarioStatus, to: ScenarioStatus): ScenarioStatusChange {
  if (to === current) return { ok: true, changed: false };
  if (to === 'presented') return current === 'draft' ? { ok: false, error: 'present_via_endpoint' } : { ok: false, error: 'illegal_transition', allowed: manual(current) };
  if (!SCENARIO_TRANSITIONS[current].includes(to)) return { ok: false, error: 'illegal_transition', allowed: manual(current) };
  return { ok: true, changed: true };
}

function manual(from: ScenarioStatus): ScenarioStatus[] {
  return SCENARIO_TRANSITIONS[from].filter((s) => s !== 'presented');
}

export interface PresentationInput {
  kind: ScenarioKind;
  packages: readonly ScenarioPackage[];
  measures: readonly { kind: MeasureKind; packageNumber: number | null; componentCount: number; outcomes: readonly CheckOutcome[] }[];
}

/**
 * Why a draft cannot be presented yet (empty when it can): an iSFP has 1 or 3–5 packages, none of
 * them empty; a scenario has measures; every envelope measure names its components and has a
 * resulting U-value for each (failing a requirement does not block presenting: the client sees it).
 */
export function presentationErrors(input: PresentationInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.kind === 'isfp') {
    const count = input.packages.length;
    if (!ISFP_PACKAGE_COUNTS.includes(count)) {
      errors.push({ path: 'packages', message: `an iSFP has exactly 1 or 3 to 5 packages, not ${count}` });
    }
    input.packages.forEach((_pkg, index) => {
      if (!input.measures.some((m) => m.packageNumber === index + 1)) errors.push({ path: `packages[${index}]`, message: `package ${index + 1} has no measures` });
    });
  }
  if (input.measures.length === 0) errors.push({ path: 'measures', message: 'a scenario without measures cannot be presented' });
  input.measures.forEach((m, index) => {
    if (!isEnvelope(m.kind)) return;
    if (m.componentCount === 0) errors.push({ path: `measures[${index}].componentIds`, message: `the ${m.kind} measure names no components` });
    else if (m.outcomes.includes('not_computable')) {
      errors.push({ path: `measures[${index}]`, message: `the ${m.kind} measure gives no resulting U-value for some components (new layers or a target U-value)` });
    }
  });
  return errors;
}
