import type { LocalizedText } from '@libs/shared';
import type { ConsultationRule, EfficiencyHouseRule, InformationRule, TaxReductionRule } from '../programs/rule-body';
import type { CalcEfficiencyHouse, CalculationInput, ProgramResult, RateComponent, RuleVersionRef } from './calculation.types';
import { explainProgram } from './explanation';
import { euro, percentOf, splitEvenly } from './money.rules';
import { planningGrant } from './measure-grant.rules';

function emptyResult(ref: RuleVersionRef): ProgramResult {
  return {
    programKey: ref.programKey,
    ruleVersionId: ref.id,
    ruleVersionLabel: ref.versionLabel,
    costsCents: 0,
    capCents: null,
    eligibleCostsCents: 0,
    unitShares: [],
    components: [],
    uncappedRateBp: 0,
    cappedRateBp: 0,
    rateCapBp: null,
    grantCents: 0,
    yearAmountsCents: [],
    measures: [],
    explanation: { de: '', en: '' },
  };
}

const component = (key: string, label: LocalizedText, rateBp: number | null, baseCents: number, amountCents: number): RateComponent => ({ key, label, rateBp, baseCents, amountCents });

/** KfW 261 repayment grant; undefined with a reason when the class is not funded by this version. */
export function calculateEfficiencyHouse(ref: RuleVersionRef, rule: EfficiencyHouseRule, house: CalcEfficiencyHouse, input: CalculationInput): ProgramResult | LocalizedText {
  const classRate = rule.classRates.find((c) => c.efficiencyClass === house.efficiencyClass && c.renewableClass === house.renewableClass);
  if (!classRate) {
    const ee = house.renewableClass ? ' EE' : '';
    return {
      de: `${house.efficiencyClass.toUpperCase()}${ee} wird nach Regelversion ${ref.versionLabel} nicht gefördert.`,
      en: `${house.efficiencyClass.toUpperCase()}${ee} is not funded under rule version ${ref.versionLabel}.`,
    };
  }
  const result = emptyResult(ref);
  const units = Math.max(1, input.building.units);
  const perUnit = house.renewableClass ? rule.loanMaxPerUnitCents.renewableClass : (rule.loanMaxPerUnitCents.standard ?? rule.loanMaxPerUnitCents.renewableClass);
  result.costsCents = input.measures.reduce((a, m) => a + m.costCents, 0);
  result.capCents = perUnit * units;
  result.eligibleCostsCents = Math.min(result.costsCents, result.capCents);
  result.unitShares = splitEvenly(result.eligibleCostsCents, units).map((eligibleCents, i) => ({ unit: i + 1, capCents: perUnit, eligibleCents, ownerOccupied: false }));
  const wpb = rule.worstPerformingBuilding && rule.worstPerformingBuilding.classes.includes(house.efficiencyClass) && isWorst(input) ? rule.worstPerformingBuilding.rateBp : 0;
  const serial = house.serialRenovation ? (rule.serialRenovation.find((s) => s.efficiencyClass === house.efficiencyClass)?.rateBp ?? 0) : 0;
  const combined = rule.combinedWpbSerialCapBp === null ? wpb + serial : Math.min(wpb + serial, rule.combinedWpbSerialCapBp);
  const nh = house.sustainabilityClass ? (rule.sustainabilityClassBp ?? 0) : 0;
  const e = result.eligibleCostsCents;
  result.components.push(component('classRate', { de: `Tilgungszuschuss ${house.efficiencyClass.toUpperCase()}`, en: `Repayment grant ${house.efficiencyClass.toUpperCase()}` }, classRate.rateBp, e, percentOf(e, classRate.rateBp)));
  if (combined > 0) result.components.push(component('worstPerformingBuildingAndSerial', { de: 'WPB-/Serielle-Sanierung-Bonus', en: 'Worst-performing-building / serial renovation bonus' }, combined, e, percentOf(e, combined)));
  if (nh > 0) result.components.push(component('sustainabilityClass', { de: 'NH-Klasse', en: 'Sustainability class' }, nh, e, percentOf(e, nh)));
  result.uncappedRateBp = result.cappedRateBp = classRate.rateBp + combined + nh;
  result.grantCents = result.components.reduce((a, c) => a + c.amountCents, 0);
  if (rule.planningGrant && input.planningCostsCents > 0) {
    const planning = planningGrant(rule.planningGrant, input.planningCostsCents, units);
    result.components.push(component('planning', { de: 'Fachplanung und Baubegleitung', en: 'Specialist planning and supervision' }, rule.planningGrant.rateBp, planning.eligibleCents, planning.grantCents));
    result.grantCents += planning.grantCents;
  }
  result.explanation = explainProgram(ref, result, {
    extra: [{ de: `Kredit bis ${euro(result.capCents)}; der Tilgungszuschuss mindert die Rückzahlung.`, en: `Loan up to ${euro(result.capCents)}; the repayment grant reduces what is repaid.` }],
  });
  return result;
}

function isWorst(input: CalculationInput): boolean {
  const b = input.building;
  return (b.finalEnergyKwhM2a !== null && b.finalEnergyKwhM2a >= 300) || b.energyCertificateClass === 'h';
}

/** EBW: the rate of the consultation fee up to the maximum by units, plus the WEG presentation supplement. */
export function calculateConsultation(ref: RuleVersionRef, rule: ConsultationRule, feeCents: number, input: CalculationInput): ProgramResult {
  const result = emptyResult(ref);
  const max = input.building.units <= 2 ? rule.maxUpTo2UnitsCents : rule.maxFrom3UnitsCents;
  result.costsCents = feeCents;
  result.eligibleCostsCents = feeCents;
  const uncapped = percentOf(feeCents, rule.rateBp);
  const grant = Math.min(uncapped, max);
  result.components.push(component('consultation', { de: 'Zuschuss Energieberatung', en: 'Energy consultation grant' }, rule.rateBp, feeCents, uncapped));
  if (grant < uncapped) result.components.push(component('maximum', { de: `Höchstbetrag ${euro(max)}`, en: `Maximum ${euro(max)}` }, null, feeCents, grant - uncapped));
  result.grantCents = grant;
  if (input.wegPresentation && rule.wegPresentationCents !== null) {
    result.components.push(component('wegPresentation', { de: 'Präsentation in der WEG-Versammlung', en: 'Presentation at the owners’ meeting' }, null, 0, rule.wegPresentationCents));
    result.grantCents += rule.wegPresentationCents;
  }
  result.uncappedRateBp = result.cappedRateBp = rule.rateBp;
  result.explanation = explainProgram(ref, result);
  return result;
}

/** §35c EStG: the rate of the costs up to the maximum reduction, spread over three years. */
export function calculateTaxReduction(ref: RuleVersionRef, rule: TaxReductionRule, input: CalculationInput): ProgramResult | LocalizedText {
  if (!input.household.ownerOccupied) return { de: '§35c EStG setzt ein selbstgenutztes Wohngebäude voraus.', en: '§35c EStG requires an owner-occupied home.' };
  const year = Number(input.date.slice(0, 4));
  const built = input.building.yearOfConstruction;
  if (built !== null && year - built < rule.minBuildingAgeYears) {
    return { de: `Das Gebäude ist jünger als ${rule.minBuildingAgeYears} Jahre.`, en: `The building is less than ${rule.minBuildingAgeYears} years old.` };
  }
  const result = emptyResult(ref);
  const measures = input.measures.filter((m) => rule.measureKinds.includes(m.kind));
  result.costsCents = measures.reduce((a, m) => a + m.costCents, 0);
  result.eligibleCostsCents = result.costsCents;
  const works = percentOf(result.costsCents, rule.rateBp);
  result.components.push(component('taxReduction', { de: 'Steuerermäßigung', en: 'Tax reduction' }, rule.rateBp, result.costsCents, works));
  let total = works;
  if (input.consultationFeeCents) {
    const consultation = percentOf(input.consultationFeeCents, rule.consultationRateBp);
    result.components.push(component('consultation', { de: 'Energieberatung', en: 'Energy consultation' }, rule.consultationRateBp, input.consultationFeeCents, consultation));
    total += consultation;
  }
  result.grantCents = Math.min(total, rule.maxReductionCents);
  if (result.grantCents < total) result.components.push(component('maximum', { de: 'Höchstbetrag', en: 'Maximum' }, null, 0, result.grantCents - total));
  result.capCents = rule.maxReductionCents;
  const shares = rule.yearSharesBp.map((bp) => percentOf(result.grantCents, bp));
  shares[shares.length - 1] += result.grantCents - shares.reduce((a, b) => a + b, 0);
  result.yearAmountsCents = shares;
  result.uncappedRateBp = result.cappedRateBp = rule.rateBp;
  result.measures = measures.map((m) => ({ measureId: m.measureId, kind: m.kind, costCents: m.costCents, eligibleCents: m.costCents, rateBp: rule.rateBp, grantCents: percentOf(m.costCents, rule.rateBp) }));
  result.explanation = explainProgram(ref, result, {
    extra: [{ de: `Verteilt auf drei Jahre: ${shares.map(euro).join(' / ')}; nicht zusammen mit BEG-Förderung für dieselbe Maßnahme.`, en: `Spread over three years: ${shares.map(euro).join(' / ')}; not combinable with BEG funding for the same measure.` }],
  });
  return result;
}

/** KfW 358/359: information only (a loan on top of a grant, no grant of its own). */
export function describeSupplementaryLoan(ref: RuleVersionRef, rule: InformationRule, input: CalculationInput): ProgramResult {
  const result = emptyResult(ref);
  result.capCents = rule.loanMaxPerUnitCents * Math.max(1, input.building.units);
  const income = rule.interestReductionMaxIncomeCents;
  result.explanation = explainProgram(ref, result, {
    extra: [
      {
        de: `Ergänzungskredit bis ${euro(result.capCents)} zusätzlich zu einem Zuschuss${income === null ? '' : `; Zinsverbilligung für Selbstnutzer bis ${euro(income)} zu versteuerndem Einkommen`}.`,
        en: `Supplementary loan up to ${euro(result.capCents)} on top of a grant${income === null ? '' : `; reduced interest for owner-occupiers with taxable income up to ${euro(income)}`}.`,
      },
    ],
  });
  return result;
}
