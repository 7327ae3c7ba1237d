import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested, validateSync } from 'class-validator';
import { AppError, flattenValidationErrors } from '@libs/http';
import { IsCalendarDate } from '../calendar-date';
import { DECISIVE_DATES, EFFICIENCY_CLASSES, FundingRuleBody, FUNDING_RULE_KINDS } from './rule-body';

/*
 * The runtime shape check of a rule body entered through the admin API (the TypeScript types in
 * rule-body.ts describe the same shape). Every number is bounded (rates ≤ 100 %, money ≤ €10 million),
 * every list short: a body is a few kilobytes at most.
 */
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_CENTS = 1_000_000_000;
const MAX_LIST = 30;

const Rate = () => (target: object, key: string) => {
  IsInt()(target, key);
  Min(0)(target, key);
  Max(10_000)(target, key);
};
const Cents = () => (target: object, key: string) => {
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_CENTS)(target, key);
};
const NullableCents = () => (target: object, key: string) => {
  ValidateIf((_o, v) => v !== null)(target, key);
  Cents()(target, key);
};
const Kinds = () => (target: object, key: string) => {
  IsArray()(target, key);
  ArrayMaxSize(MAX_LIST)(target, key);
  IsString({ each: true })(target, key);
  MaxLength(60, { each: true })(target, key);
};
const Nested = (type: () => new () => object, list = false) => (target: object, key: string) => {
  if (list) {
    IsArray()(target, key);
    ArrayMaxSize(MAX_LIST)(target, key);
  }
  ValidateNested({ each: list })(target, key);
  Type(type)(target, key);
};
const NullableNested = (type: () => new () => object) => (target: object, key: string) => {
  ValidateIf((_o, v) => v !== null)(target, key);
  Nested(type)(target, key);
};
const Day = () => (target: object, key: string) => {
  Matches(DATE, { message: '$property must be a date YYYY-MM-DD' })(target, key);
  IsCalendarDate()(target, key);
};

class DatedRateBody {
  @Day() from: string;
  @Rate() rateBp: number;
}
class DatedAmountBody {
  @Day() from: string;
  @Cents() cents: number;
}
class UnitCapsBody {
  @Cents() firstUnitCents: number;
  @Cents() units2To6Cents: number;
  @Cents() unit7PlusCents: number;
  @IsOptional() @Nested(() => DatedAmountBody, true) firstUnitSteps?: DatedAmountBody[];
}
class PlanningGrantBody {
  @Rate() rateBp: number;
  @Cents() maxCostsUpTo2UnitsCents: number;
  @Cents() maxCostsPerUnitCents: number;
  @Cents() maxCostsTotalCents: number;
}
class KindBonusBody {
  @Rate() rateBp: number;
  @ValidateIf((_o, v) => v !== null) @Day() from: string | null;
  @Kinds() measureKinds: string[];
}
class WpbBonusBody extends KindBonusBody {
  @IsBoolean() requiresIsfp: boolean;
  @IsNumber() @Min(0) @Max(10_000) minFinalEnergyKwhM2a: number;
  @Kinds() certificateClasses: string[];
}
class IsfpBonusBody {
  @Rate() rateBp: number;
  @IsInt() @Min(0) @Max(50) maxAgeYears: number;
  @IsIn(['all', 'above_cap_without_isfp']) appliesTo: 'all' | 'above_cap_without_isfp';
}
class ClimateSpeedBody {
  @Nested(() => DatedRateBody, true) steps: DatedRateBody[];
  @Kinds() replacedHeatingAnyAge: string[];
  @Kinds() replacedHeatingMinAge: string[];
  @IsInt() @Min(0) @Max(100) minAgeYears: number;
}
class IncomeStepBody {
  @Cents() maxIncomeCents: number;
  @Rate() rateBp: number;
}
class FamilySupplementBody {
  @Cents() reductionCents: number;
  @IsBoolean() perChild: boolean;
}
class IncomeBonusBody {
  @Nested(() => IncomeStepBody, true) steps: IncomeStepBody[];
  @NullableNested(() => FamilySupplementBody) familySupplement: FamilySupplementBody | null;
}
class BiomassSupplementBody {
  @Cents() cents: number;
  @Kinds() measureKinds: string[];
}
class BonusesBody {
  @IsOptional() @Nested(() => IsfpBonusBody) isfp?: IsfpBonusBody;
  @IsOptional() @Nested(() => ClimateSpeedBody) climateSpeed?: ClimateSpeedBody;
  @IsOptional() @Nested(() => IncomeBonusBody) income?: IncomeBonusBody;
  @IsOptional() @Nested(() => KindBonusBody) euOriginHeatPump?: KindBonusBody;
  @IsOptional() @Nested(() => WpbBonusBody) worstPerformingBuilding?: WpbBonusBody;
  @IsOptional() @Nested(() => KindBonusBody) efficiency?: KindBonusBody;
  @IsOptional() @Nested(() => BiomassSupplementBody) biomassSupplement?: BiomassSupplementBody;
}
class LowIncomeCapBody {
  @Cents() maxAdjustedIncomeCents: number;
  @Rate() rateBp: number;
}
class RateCapBody {
  @Rate() defaultBp: number;
  @NullableNested(() => LowIncomeCapBody) lowIncome: LowIncomeCapBody | null;
}
class CostCapsBody {
  @Nested(() => UnitCapsBody) withoutIsfp: UnitCapsBody;
  @NullableNested(() => UnitCapsBody) withIsfp: UnitCapsBody | null;
  @NullableCents() buildingMaxCents: number | null;
}
class BodyBase {
  @IsIn(FUNDING_RULE_KINDS) kind: string;
  @IsIn(DECISIVE_DATES) decisiveDate: string;
}
class MeasureGrantBody extends BodyBase {
  @Kinds() measureKinds: string[];
  @Rate() baseRateBp: number;
  @Nested(() => KindBonusBody, true) baseRateOverrides: KindBonusBody[];
  @Nested(() => BonusesBody) bonuses: BonusesBody;
  @Nested(() => RateCapBody) rateCap: RateCapBody;
  @Nested(() => CostCapsBody) costCaps: CostCapsBody;
  @NullableCents() minimumInvestmentGrossCents: number | null;
  @NullableNested(() => PlanningGrantBody) planningGrant: PlanningGrantBody | null;
  @ValidateIf((_o, v) => v !== null) @Rate() cumulationLimitBp: number | null;
}
class ClassRateBody {
  @IsIn(EFFICIENCY_CLASSES) efficiencyClass: string;
  @IsBoolean() renewableClass: boolean;
  @Rate() rateBp: number;
}
class LoanMaxBody {
  @NullableCents() standard: number | null;
  @Cents() renewableClass: number;
}
class WpbClassesBody {
  @Rate() rateBp: number;
  @IsArray() @ArrayMaxSize(5) @IsIn(EFFICIENCY_CLASSES, { each: true }) classes: string[];
}
class SerialBody {
  @IsIn(EFFICIENCY_CLASSES) efficiencyClass: string;
  @Rate() rateBp: number;
}
class EfficiencyHouseBody extends BodyBase {
  @Nested(() => ClassRateBody, true) classRates: ClassRateBody[];
  @Nested(() => LoanMaxBody) loanMaxPerUnitCents: LoanMaxBody;
  @NullableNested(() => WpbClassesBody) worstPerformingBuilding: WpbClassesBody | null;
  @Nested(() => SerialBody, true) serialRenovation: SerialBody[];
  @ValidateIf((_o, v) => v !== null) @Rate() sustainabilityClassBp: number | null;
  @ValidateIf((_o, v) => v !== null) @Rate() combinedWpbSerialCapBp: number | null;
  @NullableNested(() => PlanningGrantBody) planningGrant: PlanningGrantBody | null;
}
class ConsultationBody extends BodyBase {
  @Rate() rateBp: number;
  @Cents() maxUpTo2UnitsCents: number;
  @Cents() maxFrom3UnitsCents: number;
  @NullableCents() wegPresentationCents: number | null;
}
class TaxReductionBody extends BodyBase {
  @Kinds() measureKinds: string[];
  @Rate() rateBp: number;
  @Cents() maxReductionCents: number;
  @IsArray() @ArrayMaxSize(5) @IsInt({ each: true }) @Min(0, { each: true }) @Max(10_000, { each: true }) yearSharesBp: number[];
  @IsInt() @Min(0) @Max(100) minBuildingAgeYears: number;
  @Rate() consultationRateBp: number;
}
class InformationBody extends BodyBase {
  @Cents() loanMaxPerUnitCents: number;
  @NullableCents() interestReductionMaxIncomeCents: number | null;
}

const BODY_CLASSES: Record<FundingRuleBody['kind'], new () => object> = {
  measure_grant: MeasureGrantBody,
  efficiency_house: EfficiencyHouseBody,
  consultation: ConsultationBody,
  tax_reduction: TaxReductionBody,
  information: InformationBody,
};

const invalid = (path: string, message: string) => AppError.unprocessable('FUNDING_RULE_BODY_INVALID', `The rule body is invalid: ${path} ${message}.`, [{ path, message }]);

/** Checks a body's shape and its internal consistency; answers the typed body or a 422 naming the field. */
export function validateRuleBody(plain: unknown): FundingRuleBody {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) throw invalid('body', 'must be an object');
  const kind = (plain as { kind?: unknown }).kind;
  const cls = typeof kind === 'string' ? BODY_CLASSES[kind as FundingRuleBody['kind']] : undefined;
  if (!cls) throw invalid('body.kind', `must be one of ${FUNDING_RULE_KINDS.join(', ')}`);
  const failures = flattenValidationErrors(validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true }));
  if (failures.length > 0) throw AppError.unprocessable('FUNDING_RULE_BODY_INVALID', 'The rule body is invalid; see errors for each field.', failures.map((f) => ({ path: `body.${f.path}`, message: f.message })));
  const body = plain as FundingRuleBody;
  if (body.kind === 'measure_grant' && body.bonuses.income) {
    // A higher income must never raise the grant: ascending thresholds with non-increasing rates.
    const steps = body.bonuses.income.steps;
    for (let i = 1; i < steps.length; i++) {
      if (steps[i].maxIncomeCents <= steps[i - 1].maxIncomeCents || steps[i].rateBp > steps[i - 1].rateBp) {
        throw invalid(`body.bonuses.income.steps[${i}]`, 'must have a higher threshold and a rate no higher than the step before');
      }
    }
  }
  if (body.kind === 'tax_reduction' && body.yearSharesBp.reduce((a, b) => a + b, 0) !== 10_000) throw invalid('body.yearSharesBp', 'must add up to 10000 (100 %)');
  return body;
}
