import type { LocalizedText } from '@libs/shared';
import type { EfficiencyClass, FundingRuleBody } from '../programs/rule-body';

export const PROGRAM_KEYS = ['beg_em_bafa', 'kfw_458', 'kfw_261', 'kfw_358_359', 'ebw', 'estg_35c'] as const;
export type ProgramKey = (typeof PROGRAM_KEYS)[number];

export const ROUTE_KEYS = ['beg_em_kfw_458', 'kfw_261', 'estg_35c'] as const;
export type RouteKey = (typeof ROUTE_KEYS)[number];

export interface CalcMeasure {
  measureId: string | null;
  kind: string;
  /** The eligible costs the owner bears (gross for private owners), in cents. */
  costCents: number;
  euOrigin: boolean;
  naturalRefrigerant: boolean;
  biomassLowEmission: boolean;
  fossilPeakLoad: boolean;
  /** Other public funds for the same measure (BEG EM Nr. 8.6 cumulation limit), cents. */
  otherPublicFundingCents: number;
}

export interface CalcBuilding {
  units: number;
  /** Units the heating measure serves (KfW 458: cap × affected / all); default all. */
  affectedUnits: number;
  ownerOccupiedUnits: number;
  yearOfConstruction: number | null;
  finalEnergyKwhM2a: number | null;
  energyCertificateClass: string | null;
  replacedHeating: { kind: string | null; ageYears: number | null; working: boolean | null };
  /** Day the iSFP was handed over (YYYY-MM-DD), if there is one. */
  isfpDate: string | null;
}

export interface CalcHousehold {
  ownerOccupied: boolean;
  /** Mean taxable household income of the 2nd and 3rd year before the application, in cents; null = not declared. */
  taxableIncomeCents: number | null;
  minorChildren: number;
}

export interface CalcEfficiencyHouse {
  efficiencyClass: EfficiencyClass;
  renewableClass: boolean;
  serialRenovation: boolean;
  sustainabilityClass: boolean;
}

export interface CalculationInput {
  date: string;
  measures: CalcMeasure[];
  building: CalcBuilding;
  household: CalcHousehold;
  planningCostsCents: number;
  consultationFeeCents: number | null;
  wegPresentation: boolean;
  efficiencyHouse: CalcEfficiencyHouse | null;
}

export interface RuleVersionRef {
  id: string;
  programKey: ProgramKey;
  programName: LocalizedText;
  versionLabel: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  body: FundingRuleBody;
}

export interface RateComponent {
  key: string;
  label: LocalizedText;
  rateBp: number | null;
  /** The costs the component applies to (cents). */
  baseCents: number;
  amountCents: number;
}

export interface UnitShare {
  unit: number;
  capCents: number;
  eligibleCents: number;
  ownerOccupied: boolean;
}

export interface MeasureGrant {
  measureId: string | null;
  kind: string;
  costCents: number;
  eligibleCents: number;
  rateBp: number;
  grantCents: number;
}

export interface ProgramResult {
  programKey: ProgramKey;
  ruleVersionId: string;
  ruleVersionLabel: string;
  costsCents: number;
  capCents: number | null;
  eligibleCostsCents: number;
  unitShares: UnitShare[];
  components: RateComponent[];
  /** Rate before the cap (owner-occupied share where bonuses apply) and after it. */
  uncappedRateBp: number;
  cappedRateBp: number;
  rateCapBp: number | null;
  grantCents: number;
  /** §35c: the tax reduction per year; otherwise empty. */
  yearAmountsCents: number[];
  measures: MeasureGrant[];
  explanation: LocalizedText;
}

export interface RouteResult {
  route: RouteKey;
  available: boolean;
  reason: LocalizedText | null;
  programs: ProgramResult[];
  totalCents: number;
  best: boolean;
}

export interface CalculationResult {
  date: string;
  routes: RouteResult[];
  consultation: ProgramResult | null;
  information: ProgramResult[];
  bestRoute: RouteKey | null;
  ruleVersionIds: string[];
}
