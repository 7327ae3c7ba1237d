import type { LocalizedText } from '@libs/shared';
import type { MeasureGrantRule, PlanningGrant } from '../programs/rule-body';
import type { CalcMeasure, CalculationInput, MeasureGrant, ProgramResult, RateComponent, RuleVersionRef, UnitShare } from './calculation.types';
import { buildingCap } from './cost-caps.rules';
import { adjustedIncome, climateSpeedRate, incomeRate, isfpCounts, isWorstPerformingBuilding, kindBonusApplies } from './eligibility.rules';
import { explainProgram } from './explanation';
import { fractionOf, percentOf, splitEvenly, splitProportionally } from './money.rules';

const LABELS: Record<string, LocalizedText> = {
  base: { de: 'Grundförderung', en: 'Base rate' },
  isfp: { de: 'iSFP-Bonus', en: 'iSFP bonus' },
  climateSpeed: { de: 'Klimageschwindigkeitsbonus', en: 'Climate-speed bonus' },
  income: { de: 'Einkommensbonus', en: 'Income bonus' },
  euOrigin: { de: 'Wertschöpfungsbonus (Wärmepumpe aus der EU)', en: 'Value-added bonus (EU-origin heat pump)' },
  worstPerformingBuilding: { de: 'Worst-Performing-Building-Bonus', en: 'Worst-performing-building bonus' },
  efficiency: { de: 'Effizienzbonus', en: 'Efficiency bonus' },
  biomassSupplement: { de: 'Emissionsminderungszuschlag Biomasse', en: 'Biomass emission supplement' },
  rateCap: { de: 'Kappung auf den Höchstfördersatz', en: 'Reduction to the maximum rate' },
  cumulation: { de: 'Kumulierungsgrenze mit anderen öffentlichen Mitteln', en: 'Cumulation limit with other public funds' },
  planning: { de: 'Fachplanung und Baubegleitung', en: 'Specialist planning and supervision' },
};

interface Rates {
  common: Record<string, number>;
  ownerOnly: Record<string, number>;
}

/** BEG EM grants (BAFA envelope/plant/heating optimisation, KfW 458 heating): caps, shares, rates, grant. */
export function calculateMeasureGrant(ref: RuleVersionRef, rule: MeasureGrantRule, allMeasures: CalcMeasure[], input: CalculationInput): ProgramResult {
  const { building, household, date } = input;
  const eligibleMeasures = allMeasures.filter((m) => rule.minimumInvestmentGrossCents === null || m.costCents >= rule.minimumInvestmentGrossCents);
  const costs = eligibleMeasures.map((m) => m.costCents);
  const total = costs.reduce((a, b) => a + b, 0);
  const units = Math.max(1, building.units);
  const affected = Math.min(units, Math.max(1, building.affectedUnits));
  const withIsfp = isfpCounts(rule.bonuses.isfp, building, date);
  const caps = withIsfp && rule.costCaps.withIsfp ? rule.costCaps.withIsfp : rule.costCaps.withoutIsfp;
  const capOf = (c = caps) => fractionOf(buildingCap(c, units, date, rule.costCaps.buildingMaxCents), affected, units);
  const cap = capOf();
  const eligible = Math.min(total, cap);
  const aboveCapWithoutIsfp = withIsfp && rule.bonuses.isfp?.appliesTo === 'above_cap_without_isfp' ? Math.max(0, eligible - capOf(rule.costCaps.withoutIsfp)) : 0;

  const ownerUnits = household.ownerOccupied ? Math.min(affected, Math.max(1, building.ownerOccupiedUnits)) : 0;
  const unitEligible = splitEvenly(eligible, affected);
  const unitCapsSplit = splitEvenly(cap, affected);
  const unitShares: UnitShare[] = unitEligible.map((eligibleCents, i) => ({ unit: i + 1, capCents: unitCapsSplit[i], eligibleCents, ownerOccupied: i < ownerUnits }));
  const ownerShare = unitEligible.slice(0, ownerUnits).reduce((a, b) => a + b, 0);

  const perMeasureEligible = splitProportionally(eligible, costs);
  const perMeasureOwner = splitProportionally(ownerShare, costs);
  const perMeasureAbove = splitProportionally(aboveCapWithoutIsfp, costs);
  const income = adjustedIncome(rule.bonuses.income, household);
  const lowIncome = rule.rateCap.lowIncome;
  const ownerCapBp = household.ownerOccupied && lowIncome && income !== null && income <= lowIncome.maxAdjustedIncomeCents ? lowIncome.rateBp : rule.rateCap.defaultBp;

  const sums = new Map<string, RateComponent>();
  const add = (key: string, rateBp: number | null, baseCents: number, amountCents: number) => {
    const current = sums.get(key) ?? { key, label: LABELS[key], rateBp, baseCents: 0, amountCents: 0 };
    sums.set(key, { ...current, rateBp: current.rateBp === rateBp ? rateBp : null, baseCents: current.baseCents + baseCents, amountCents: current.amountCents + amountCents });
  };
  // Measures with the same rates form one group: amounts are computed (and rounded) once per group, so a
  // split over measures never loses a cent; the group's grant is then shared out in proportion.
  const groups = new Map<string, { rates: Rates; indexes: number[]; all: number; owner: number; above: number }>();
  eligibleMeasures.forEach((measure, i) => {
    const rates = ratesOf(rule, measure, input, withIsfp);
    const signature = JSON.stringify(rates);
    const group = groups.get(signature) ?? { rates, indexes: [], all: 0, owner: 0, above: 0 };
    group.indexes.push(i);
    group.all += perMeasureEligible[i];
    group.owner += perMeasureOwner[i];
    group.above += perMeasureAbove[i];
    groups.set(signature, group);
  });
  let uncappedRateBp = 0;
  let cappedRateBp = 0;
  const grants = eligibleMeasures.map(() => 0);
  for (const group of groups.values()) {
    const { rates } = group;
    let uncapped = 0;
    for (const [key, rate] of Object.entries(rates.common)) {
      if (rate <= 0) continue;
      const base = key === 'isfp' && rule.bonuses.isfp?.appliesTo === 'above_cap_without_isfp' ? group.above : group.all;
      const amount = percentOf(base, rate);
      add(key, rate, base, amount);
      uncapped += amount;
    }
    for (const [key, rate] of Object.entries(rates.ownerOnly)) {
      if (rate <= 0) continue;
      const amount = percentOf(group.owner, rate);
      add(key, rate, group.owner, amount);
      uncapped += amount;
    }
    const capAmount = percentOf(group.owner, ownerCapBp) + percentOf(group.all - group.owner, rule.rateCap.defaultBp);
    const grant = Math.min(uncapped, capAmount);
    if (grant < uncapped) add('rateCap', null, group.all, grant - uncapped);
    const shares = splitProportionally(grant, group.indexes.map((i) => perMeasureEligible[i]));
    group.indexes.forEach((measureIndex, k) => (grants[measureIndex] = shares[k]));
    const ownerRate = Object.values(rates.common).reduce((a, b) => a + b, 0) + Object.values(rates.ownerOnly).reduce((a, b) => a + b, 0);
    uncappedRateBp = Math.max(uncappedRateBp, ownerRate);
    cappedRateBp = Math.max(cappedRateBp, Math.min(ownerRate, ownerCapBp));
  }
  const supplement = rule.bonuses.biomassSupplement;
  const measures: MeasureGrant[] = eligibleMeasures.map((measure, i) => {
    let grant = grants[i];
    if (supplement && measure.biomassLowEmission && supplement.measureKinds.includes(measure.kind) && perMeasureEligible[i] > 0) {
      add('biomassSupplement', null, 0, supplement.cents);
      grant += supplement.cents;
    }
    const rates = ratesOf(rule, measure, input, withIsfp);
    return { measureId: measure.measureId, kind: measure.kind, costCents: measure.costCents, eligibleCents: perMeasureEligible[i], rateBp: rates.common.base, grantCents: grant };
  });
  for (const measure of allMeasures.filter((m) => !eligibleMeasures.includes(m))) {
    measures.push({ measureId: measure.measureId, kind: measure.kind, costCents: measure.costCents, eligibleCents: 0, rateBp: 0, grantCents: 0 });
  }

  let grant = measures.reduce((a, m) => a + m.grantCents, 0);
  const planning = rule.planningGrant && input.planningCostsCents > 0 ? planningGrant(rule.planningGrant, input.planningCostsCents, units) : null;
  if (planning) {
    add('planning', rule.planningGrant!.rateBp, planning.eligibleCents, planning.grantCents);
    grant += planning.grantCents;
  }
  const otherFunds = allMeasures.reduce((a, m) => a + m.otherPublicFundingCents, 0);
  if (rule.cumulationLimitBp !== null && otherFunds > 0) {
    const allowed = Math.max(0, percentOf(eligible + (planning?.eligibleCents ?? 0), rule.cumulationLimitBp) - otherFunds);
    if (grant > allowed) {
      add('cumulation', rule.cumulationLimitBp, eligible, allowed - grant);
      grant = allowed;
    }
  }
  const result: ProgramResult = {
    programKey: ref.programKey,
    ruleVersionId: ref.id,
    ruleVersionLabel: ref.versionLabel,
    costsCents: allMeasures.reduce((a, m) => a + m.costCents, 0),
    capCents: cap,
    eligibleCostsCents: eligible,
    unitShares,
    components: [...sums.values()],
    uncappedRateBp,
    cappedRateBp,
    rateCapBp: ownerCapBp,
    grantCents: grant,
    yearAmountsCents: [],
    measures,
    explanation: { de: '', en: '' },
  };
  result.explanation = explainProgram(ref, result, { withIsfp, excluded: allMeasures.length - eligibleMeasures.length, minimum: rule.minimumInvestmentGrossCents });
  return result;
}

function ratesOf(rule: MeasureGrantRule, measure: CalcMeasure, input: CalculationInput, withIsfp: boolean): Rates {
  const { bonuses } = rule;
  const override = rule.baseRateOverrides.find((o) => kindBonusApplies(o, measure, input.date));
  const wpb = bonuses.worstPerformingBuilding;
  const efficiency = bonuses.efficiency;
  const isHeatPump = measure.kind.startsWith('heat_pump');
  return {
    common: {
      base: override ? override.rateBp : rule.baseRateBp,
      isfp: withIsfp && bonuses.isfp ? bonuses.isfp.rateBp : 0,
      euOrigin: measure.euOrigin && kindBonusApplies(bonuses.euOriginHeatPump, measure, input.date) ? bonuses.euOriginHeatPump!.rateBp : 0,
      worstPerformingBuilding:
        wpb && kindBonusApplies(wpb, measure, input.date) && (!wpb.requiresIsfp || withIsfp) && isWorstPerformingBuilding(wpb, input.building) ? wpb.rateBp : 0,
      efficiency:
        efficiency && efficiency.from !== null && efficiency.from <= input.date && (efficiency.measureKinds.includes(measure.kind) || (isHeatPump && measure.naturalRefrigerant))
          ? efficiency.rateBp
          : 0,
    },
    ownerOnly: input.household.ownerOccupied
      ? { climateSpeed: climateSpeedRate(bonuses.climateSpeed, measure, input.building, input.date), income: incomeRate(bonuses.income, input.household) }
      : {},
  };
}

/** Specialist planning and supervision: the rate on the costs up to the cap by units. */
export function planningGrant(rule: PlanningGrant, costsCents: number, units: number): { eligibleCents: number; grantCents: number } {
  const cap = units <= 2 ? rule.maxCostsUpTo2UnitsCents : Math.min(rule.maxCostsPerUnitCents * units, rule.maxCostsTotalCents);
  const eligibleCents = Math.min(costsCents, cap);
  return { eligibleCents, grantCents: percentOf(eligibleCents, rule.rateBp) };
}
