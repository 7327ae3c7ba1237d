import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OptionalUuid } from '@libs/http';
import { EFFICIENCY_CLASSES, EfficiencyClass } from '../programs/rule-body';
import { ISO_DATE } from '../programs/program.dto';
import { IsCalendarDate } from '../calendar-date';
import { ROUTE_KEYS, RouteKey } from './calculation.types';

/** Bounds of a calculation's input: every loop of the calculator runs over these, never over a magnitude. */
export const CALCULATION_LIMITS = { measures: 50, units: 500, cents: 10_000_000_000, children: 20 } as const;
export const MEASURE_KINDS = [
  'wall_insulation', 'roof_insulation', 'ceiling_insulation', 'floor_insulation', 'windows', 'doors', 'heat_pump_air', 'heat_pump_ground', 'heat_pump_water', 'biomass',
  'solar_thermal', 'district_heating', 'ventilation_heat_recovery', 'hydraulic_balancing', 'photovoltaics', 'storage', 'other',
] as const;
const HEATING_KINDS = ['gas_boiler', 'gas_floor_heating', 'oil_boiler', 'coal_stove', 'night_storage', 'heat_pump_air', 'heat_pump_ground', 'heat_pump_water', 'biomass_boiler', 'district_heating', 'electric_direct', 'other'] as const;
const CERTIFICATE_CLASSES = ['a_plus', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

const Cents = (example?: number) => applyDecorators(ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: CALCULATION_LIMITS.cents, example }), IsOptional(), IsInt(), Min(0), Max(CALCULATION_LIMITS.cents));
const Count = (max: number, example?: number) => applyDecorators(ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: max, example }), IsOptional(), IsInt(), Min(0), Max(max));
const Flag = () => applyDecorators(IsOptional(), IsBoolean());
const Day = (name: string) => applyDecorators(Matches(ISO_DATE, { message: `${name} must be a date YYYY-MM-DD between 1900 and 2199` }), IsCalendarDate());

export class CalculationMeasureDto {
  /** A measure of the scenario whose facts this entry overrides; without it, an extra measure (kind and costs required). */
  @OptionalUuid()
  measureId?: string;

  @ApiPropertyOptional({ enum: MEASURE_KINDS, example: 'heat_pump_air' })
  @IsOptional()
  @IsIn(MEASURE_KINDS)
  kind?: string;

  /** Eligible costs in cents (private owners: gross). Default for a scenario measure: its net cost estimate. */
  @Cents(3_600_000)
  costCents?: number;

  /** A heat pump made in the EU (value-added bonus, once its start day is entered). */
  @Flag() euOrigin?: boolean;
  @Flag() naturalRefrigerant?: boolean;
  @Flag() biomassLowEmission?: boolean;
  /** A fossil peak-load boiler stays: no climate-speed bonus. */
  @Flag() fossilPeakLoad?: boolean;
  /** Other public funds for this measure (cumulation limit). */
  @Cents()
  otherPublicFundingCents?: number;
}

export class ReplacedHeatingDto {
  @ApiPropertyOptional({ enum: HEATING_KINDS, nullable: true, example: 'oil_boiler' })
  @IsOptional()
  @IsIn(HEATING_KINDS)
  kind?: string | null;
  @Count(200, 25)
  ageYears?: number | null;
  @IsOptional()
  @IsBoolean()
  working?: boolean | null;
}

export class CalculationBuildingDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: CALCULATION_LIMITS.units, example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CALCULATION_LIMITS.units)
  units?: number;
  /** Units a heating measure serves (KfW 458: cap × affected / all); default all. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: CALCULATION_LIMITS.units, example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CALCULATION_LIMITS.units)
  affectedUnits?: number;
  @Count(CALCULATION_LIMITS.units, 1)
  ownerOccupiedUnits?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1500, maximum: 2100, example: 1972 })
  @IsOptional()
  @IsInt()
  @Min(1500)
  @Max(2100)
  yearOfConstruction?: number;
  @Count(10_000)
  finalEnergyKwhM2a?: number;
  @ApiPropertyOptional({ enum: CERTIFICATE_CLASSES })
  @IsOptional()
  @IsIn(CERTIFICATE_CLASSES)
  energyCertificateClass?: string;
  @IsOptional()
  @ValidateNested()
  @Type(() => ReplacedHeatingDto)
  replacedHeating?: ReplacedHeatingDto;
  /** Day the iSFP was handed over; default for a scenario: the building's latest presented iSFP. */
  @ApiPropertyOptional({ format: 'date', example: '2026-05-01' })
  @IsOptional()
  @Day('isfpDate')
  isfpDate?: string;
}

export class HouseholdDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  ownerOccupied: boolean;
  /** Mean taxable household income of the 2nd and 3rd year before the application (cents); omit to claim no income bonus. */
  @Cents(4_500_000)
  taxableIncomeCents?: number;
  @Count(CALCULATION_LIMITS.children, 0)
  minorChildren?: number;
}

export class EfficiencyHouseDto {
  @ApiProperty({ enum: EFFICIENCY_CLASSES, example: 'eh55' })
  @IsIn(EFFICIENCY_CLASSES)
  efficiencyClass: EfficiencyClass;
  @ApiProperty({ example: true })
  @IsBoolean()
  renewableClass: boolean;
  @Flag() serialRenovation?: boolean;
  @Flag() sustainabilityClass?: boolean;
}

export class CalculationRequestDto {
  /** The decisive date (for BEG: receipt of the application). @example "2026-10-15" */
  @ApiProperty({ format: 'date', example: '2026-10-15' })
  @Day('date')
  date: string;

  @ApiPropertyOptional({ enum: ROUTE_KEYS, isArray: true, maxItems: ROUTE_KEYS.length, example: ['beg_em_kfw_458', 'estg_35c'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROUTE_KEYS.length)
  @ArrayUnique()
  @IsIn(ROUTE_KEYS, { each: true })
  routes?: RouteKey[];

  /** Take measures and building facts from this scenario (projects context). */
  @OptionalUuid()
  scenarioId?: string;

  /** Only this measure of the scenario. */
  @OptionalUuid()
  measureId?: string;

  @ApiPropertyOptional({ type: [CalculationMeasureDto], maxItems: CALCULATION_LIMITS.measures, example: [{ kind: 'heat_pump_air', costCents: 4_100_000 }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CALCULATION_LIMITS.measures)
  @ValidateNested({ each: true })
  @Type(() => CalculationMeasureDto)
  measures?: CalculationMeasureDto[];

  @ApiPropertyOptional({ type: CalculationBuildingDto, example: { units: 2, ownerOccupiedUnits: 1, replacedHeating: { kind: 'oil_boiler', ageYears: 25, working: true } } })
  @IsOptional()
  @ValidateNested()
  @Type(() => CalculationBuildingDto)
  building?: CalculationBuildingDto;

  @ApiProperty({ type: HouseholdDto, example: { ownerOccupied: true, minorChildren: 0 } })
  @ValidateNested()
  @Type(() => HouseholdDto)
  household: HouseholdDto;

  /** Specialist planning and supervision costs (cents). */
  @Cents()
  planningCostsCents?: number;

  /** The energy consultation fee (EBW; cents). */
  @Cents(165_000)
  consultationFeeCents?: number;

  @Flag() wegPresentation?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => EfficiencyHouseDto)
  efficiencyHouse?: EfficiencyHouseDto;
}

export class StoreCalculationDto extends CalculationRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  declare scenarioId: string;
}
