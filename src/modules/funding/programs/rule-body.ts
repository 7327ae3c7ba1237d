/**
 * The body of one dated rule version of a funding programme. Every rate, bonus, cap and threshold
 * is data here (seeded, or entered through the admin API), never a constant in code. Rates are in
 * basis points (100 bp = 1 %), money in integer euro cents. A date field `from` inside a body is
 * a step within the version's validity (the KfW 458 climate bonus and first-unit cap fall every
 * half-year); `from: null` means announced but without a known start day — never applied.
 */
export type FundingRuleBody = MeasureGrantRule | EfficiencyHouseRule | ConsultationRule | TaxReductionRule | InformationRule;
export type FundingRuleKind = FundingRuleBody['kind'];
export const FUNDING_RULE_KINDS = ['measure_grant', 'efficiency_house', 'consultation', 'tax_reduction', 'information'] as const;

/** Which day decides the rule version: the receipt of the application (BEG), the contract, the completion (§35c). */
export const DECISIVE_DATES = ['application_receipt', 'consultation_contract', 'measure_completion', 'loan_application'] as const;
export type DecisiveDate = (typeof DECISIVE_DATES)[number];

export interface DatedRate {
  from: string;
  rateBp: number;
}
export interface DatedAmount {
  from: string;
  cents: number;
}

/** Eligible-cost caps of a building by unit: the first unit, each of units 2–6, each from unit 7. */
export interface UnitCaps {
  firstUnitCents: number;
  units2To6Cents: number;
  unit7PlusCents: number;
  /** Steps replacing `firstUnitCents` from a day on (KfW 458: −€750 every half-year). */
  firstUnitSteps?: DatedAmount[];
}

export interface PlanningGrant {
  rateBp: number;
  /** Eligible planning/supervision costs of a house with one or two units. */
  maxCostsUpTo2UnitsCents: number;
  /** From three units: per unit, up to `maxCostsTotalCents`. */
  maxCostsPerUnitCents: number;
  maxCostsTotalCents: number;
}

export interface IsfpBonus {
  rateBp: number;
  maxAgeYears: number;
  /** `all`: on every eligible euro (before 21 Jul 2026); `above_cap_without_isfp`: only on the costs above the cap without iSFP. */
  appliesTo: 'all' | 'above_cap_without_isfp';
}

export interface ClimateSpeedBonus {
  steps: DatedRate[];
  /** Replaced heating kinds that qualify whatever their age (oil, coal, gas floor heating, night storage). */
  replacedHeatingAnyAge: string[];
  /** Replaced heating kinds that qualify from an age (gas, biomass ≥ 20 years). */
  replacedHeatingMinAge: string[];
  minAgeYears: number;
}

export interface IncomeBonus {
  /** Ascending thresholds of the taxable household income: at most `maxIncomeCents` → `rateBp`. */
  steps: { maxIncomeCents: number; rateBp: number }[];
  /** With at least one minor child the income counts reduced by this amount (once, or per child before the reform's correction). */
  familySupplement: { reductionCents: number; perChild: boolean } | null;
}

export interface MeasureKindBonus {
  rateBp: number;
  from: string | null;
  measureKinds: string[];
}

export interface WorstPerformingBuildingBonus extends MeasureKindBonus {
  requiresIsfp: boolean;
  minFinalEnergyKwhM2a: number;
  certificateClasses: string[];
}

export interface MeasureGrantRule {
  kind: 'measure_grant';
  decisiveDate: DecisiveDate;
  measureKinds: string[];
  baseRateBp: number;
  /** Different base rates for some kinds (heat pumps 15 % from Q1 2027); `from: null` = start day unknown. */
  baseRateOverrides: MeasureKindBonus[];
  bonuses: {
    isfp?: IsfpBonus;
    climateSpeed?: ClimateSpeedBonus;
    income?: IncomeBonus;
    euOriginHeatPump?: MeasureKindBonus;
    worstPerformingBuilding?: WorstPerformingBuildingBonus;
    /** Before the reform: heat pumps with water/ground/wastewater source or natural refrigerant. */
    efficiency?: MeasureKindBonus;
    /** Before the reform: flat supplement for low-emission biomass (≤ 2.5 mg/m³ dust). */
    biomassSupplement?: { cents: number; measureKinds: string[] };
  };
  rateCap: { defaultBp: number; lowIncome: { maxAdjustedIncomeCents: number; rateBp: number } | null };
  costCaps: { withoutIsfp: UnitCaps; withIsfp: UnitCaps | null; buildingMaxCents: number | null };
  minimumInvestmentGrossCents: number | null;
  planningGrant: PlanningGrant | null;
  /** All public funds together at most this share of the funded costs (BEG EM Nr. 8.6). */
  cumulationLimitBp: number | null;
}

export const EFFICIENCY_CLASSES = ['eh40', 'eh55', 'eh70', 'eh85', 'denkmal'] as const;
export type EfficiencyClass = (typeof EFFICIENCY_CLASSES)[number];

export interface EfficiencyHouseRule {
  kind: 'efficiency_house';
  decisiveDate: DecisiveDate;
  /** Repayment grant per class, with or without the renewable-energy (EE) class; a missing pair is not funded. */
  classRates: { efficiencyClass: EfficiencyClass; renewableClass: boolean; rateBp: number }[];
  loanMaxPerUnitCents: { standard: number | null; renewableClass: number };
  worstPerformingBuilding: { rateBp: number; classes: EfficiencyClass[] } | null;
  serialRenovation: { efficiencyClass: EfficiencyClass; rateBp: number }[];
  sustainabilityClassBp: number | null;
  /** Worst-performing building and serial renovation together at most this (before the reform: 20 pp). */
  combinedWpbSerialCapBp: number | null;
  planningGrant: PlanningGrant | null;
}

export interface ConsultationRule {
  kind: 'consultation';
  decisiveDate: DecisiveDate;
  rateBp: number;
  maxUpTo2UnitsCents: number;
  maxFrom3UnitsCents: number;
  wegPresentationCents: number | null;
}

export interface TaxReductionRule {
  kind: 'tax_reduction';
  decisiveDate: DecisiveDate;
  measureKinds: string[];
  rateBp: number;
  maxReductionCents: number;
  /** The reduction spread over the year of completion and the two following years. */
  yearSharesBp: number[];
  minBuildingAgeYears: number;
  consultationRateBp: number;
}

export interface InformationRule {
  kind: 'information';
  decisiveDate: DecisiveDate;
  loanMaxPerUnitCents: number;
  interestReductionMaxIncomeCents: number | null;
}
