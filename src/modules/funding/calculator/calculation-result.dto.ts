import { ApiProperty } from '@nestjs/swagger';
import { OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { PROGRAM_KEYS, ProgramKey, ROUTE_KEYS, RouteKey } from './calculation.types';

/** What a calculation answers: per route and programme, the caps, shares, rate components and grant. */
export class RateComponentDto {
  /** @example "climateSpeed" */
  key: string;
  @ApiLocalizedText()
  label: LocalizedText;
  @ApiProperty({ type: 'integer', nullable: true })
  rateBp: number | null;
  @ApiProperty({ type: 'integer' })
  baseCents: number;
  @ApiProperty({ type: 'integer' })
  amountCents: number;
}

export class UnitShareDto {
  @ApiProperty({ type: 'integer' })
  unit: number;
  @ApiProperty({ type: 'integer' })
  capCents: number;
  @ApiProperty({ type: 'integer' })
  eligibleCents: number;
  ownerOccupied: boolean;
}

export class MeasureGrantDto {
  @ApiProperty({ format: 'uuid', nullable: true })
  measureId: string | null;
  kind: string;
  @ApiProperty({ type: 'integer' })
  costCents: number;
  @ApiProperty({ type: 'integer' })
  eligibleCents: number;
  @ApiProperty({ type: 'integer' })
  rateBp: number;
  @ApiProperty({ type: 'integer' })
  grantCents: number;
}

export class ProgramResultDto {
  @ApiProperty({ enum: PROGRAM_KEYS })
  programKey: ProgramKey;
  @ApiProperty({ format: 'uuid' })
  ruleVersionId: string;
  ruleVersionLabel: string;
  @ApiProperty({ type: 'integer' })
  costsCents: number;
  @ApiProperty({ type: 'integer', nullable: true })
  capCents: number | null;
  @ApiProperty({ type: 'integer' })
  eligibleCostsCents: number;
  @ApiProperty({ type: [UnitShareDto] })
  unitShares: UnitShareDto[];
  @ApiProperty({ type: [RateComponentDto] })
  components: RateComponentDto[];
  @ApiProperty({ type: 'integer' })
  uncappedRateBp: number;
  @ApiProperty({ type: 'integer' })
  cappedRateBp: number;
  @ApiProperty({ type: 'integer', nullable: true })
  rateCapBp: number | null;
  @ApiProperty({ type: 'integer' })
  grantCents: number;
  @ApiProperty({ type: 'integer', isArray: true })
  yearAmountsCents: number[];
  @ApiProperty({ type: [MeasureGrantDto] })
  measures: MeasureGrantDto[];
  @ApiLocalizedText()
  explanation: LocalizedText;
}

export class RouteResultDto {
  @ApiProperty({ enum: ROUTE_KEYS })
  route: RouteKey;
  available: boolean;
  @ApiLocalizedText({ nullable: true })
  reason: LocalizedText | null;
  @ApiProperty({ type: [ProgramResultDto] })
  programs: ProgramResultDto[];
  @ApiProperty({ type: 'integer' })
  totalCents: number;
  best: boolean;
}

export class CalculationResultDto {
  @ApiProperty({ format: 'date' })
  date: string;
  @ApiProperty({ type: [RouteResultDto] })
  routes: RouteResultDto[];
  @ApiProperty({ type: ProgramResultDto, nullable: true })
  consultation: ProgramResultDto | null;
  @ApiProperty({ type: [ProgramResultDto] })
  information: ProgramResultDto[];
  @ApiProperty({ enum: ROUTE_KEYS, nullable: true })
  bestRoute: RouteKey | null;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true })
  ruleVersionIds: string[];
}

export class StoredCalculationResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  scenarioId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  measureId: string | null;
  @ApiProperty({ format: 'date' })
  decisiveDate: string;
  /** The inputs exactly as calculated (facts copied from the project at that moment). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  input: Record<string, unknown>;
  @ApiProperty({ type: CalculationResultDto })
  result: CalculationResultDto;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true })
  ruleVersionIds: string[];
  @ApiProperty({ enum: ROUTE_KEYS, nullable: true })
  bestRoute: RouteKey | null;
  @ApiProperty({ type: 'integer' })
  bestTotalCents: number;
  @ApiProperty({ format: 'uuid', nullable: true })
  ownerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
}

export const StoredCalculationPageDto = PageDto(StoredCalculationResponseDto);
export const STORED_CALCULATION_SORTS = sortValues(['createdAt'] as const);

export class ListStoredCalculationsQueryDto extends ListQueryDto {
  @IsSort(STORED_CALCULATION_SORTS, '-createdAt')
  sort?: string;
  @OptionalUuid()
  projectId?: string;
  @OptionalUuid()
  scenarioId?: string;
  @OptionalUuid()
  measureId?: string;
}
