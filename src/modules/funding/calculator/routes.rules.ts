import type { LocalizedText } from '@libs/shared';
import type { FundingRuleBody } from '../programs/rule-body';
import type { CalculationInput, CalculationResult, ProgramKey, ProgramResult, RouteKey, RouteResult, RuleVersionRef } from './calculation.types';
import { calculateMeasureGrant } from './measure-grant.rules';
import { calculateConsultation, calculateEfficiencyHouse, calculateTaxReduction, describeSupplementaryLoan } from './other-programs.rules';

export type RulesByProgram = Partial<Record<ProgramKey, RuleVersionRef>>;

const ROUTE_PROGRAMS: Record<RouteKey, ProgramKey[]> = {
  beg_em_kfw_458: ['beg_em_bafa', 'kfw_458'],
  kfw_261: ['kfw_261'],
  estg_35c: ['estg_35c'],
};

/** The programmes whose rule version must exist on the date for the requested routes (EBW only with a fee). */
export function programsNeeded(routes: readonly RouteKey[], input: Pick<CalculationInput, 'consultationFeeCents'>): ProgramKey[] {
  const keys = new Set<ProgramKey>(routes.flatMap((route) => ROUTE_PROGRAMS[route]));
  if (input.consultationFeeCents !== null) keys.add('ebw');
  return [...keys];
}

function body<K extends FundingRuleBody['kind']>(ref: RuleVersionRef, kind: K): Extract<FundingRuleBody, { kind: K }> {
  if (ref.body.kind !== kind) throw new Error(`rule version ${ref.id} of ${ref.programKey} is a ${ref.body.kind} rule, expected ${kind}`);
  return ref.body as Extract<FundingRuleBody, { kind: K }>;
}

function unavailable(route: RouteKey, reason: LocalizedText): RouteResult {
  return { route, available: false, reason, programs: [], totalCents: 0, best: false };
}

function routeOf(route: RouteKey, programs: ProgramResult[]): RouteResult {
  return { route, available: true, reason: null, programs, totalCents: programs.reduce((a, p) => a + p.grantCents, 0), best: false };
}

/**
 * Every requested route with its programmes (the caller selected the rule versions valid on the
 * decisive date and refuses when one is missing), the consultation grant, the information-only
 * programmes, and the best route: the highest total, the first of equal ones.
 */
export function calculateFunding(input: CalculationInput, routes: readonly RouteKey[], rules: RulesByProgram): CalculationResult {
  const results: RouteResult[] = routes.map((route) => {
    switch (route) {
      case 'beg_em_kfw_458': {
        const bafa = rules.beg_em_bafa!;
        const heating = rules.kfw_458!;
        const bafaRule = body(bafa, 'measure_grant');
        const heatingRule = body(heating, 'measure_grant');
        const bafaInput = { ...input, building: { ...input.building, affectedUnits: input.building.units } };
        return routeOf(route, [
          calculateMeasureGrant(bafa, bafaRule, input.measures.filter((m) => bafaRule.measureKinds.includes(m.kind)), bafaInput),
          calculateMeasureGrant(heating, heatingRule, input.measures.filter((m) => heatingRule.measureKinds.includes(m.kind)), { ...input, planningCostsCents: 0 }),
        ]);
      }
      case 'kfw_261': {
        if (!input.efficiencyHouse) return unavailable(route, { de: 'Keine Effizienzhaus-Stufe angegeben.', en: 'No efficiency-house class given.' });
        const result = calculateEfficiencyHouse(rules.kfw_261!, body(rules.kfw_261!, 'efficiency_house'), input.efficiencyHouse, input);
        return 'programKey' in result ? routeOf(route, [result]) : unavailable(route, result);
      }
      case 'estg_35c': {
        const result = calculateTaxReduction(rules.estg_35c!, body(rules.estg_35c!, 'tax_reduction'), input);
        return 'programKey' in result ? routeOf(route, [result]) : unavailable(route, result);
      }
    }
  });
  const best = results.filter((r) => r.available).reduce<RouteResult | undefined>((top, r) => (!top || r.totalCents > top.totalCents ? r : top), undefined);
  if (best) best.best = true;
  const consultation = input.consultationFeeCents !== null && rules.ebw ? calculateConsultation(rules.ebw, body(rules.ebw, 'consultation'), input.consultationFeeCents, input) : null;
  const information = rules.kfw_358_359 ? [describeSupplementaryLoan(rules.kfw_358_359, body(rules.kfw_358_359, 'information'), input)] : [];
  const used = new Set<string>();
  for (const r of results) for (const p of r.programs) used.add(p.ruleVersionId);
  if (consultation) used.add(consultation.ruleVersionId);
  for (const p of information) used.add(p.ruleVersionId);
  return { date: input.date, routes: results, consultation, information, bestRoute: best?.route ?? null, ruleVersionIds: [...used].sort() };
}
