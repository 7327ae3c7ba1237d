import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { MAX_PACKAGES } from '../scenarios/scenario.dto';
import { OptionalDecimal, OptionalInteger, OptionalYear } from '../shared/field-decorators';
import { LayerDto, LayerResponseDto } from '../shared/layer.dto';
import { envelopeTrigger, EnvelopeTrigger } from '../shared/projects-enums.schema';
import { measureKind, MeasureKind, measureVatCategory, MeasureVatCategory } from './measures.schema';

export const MEASURE_SORTS = sortValues(['createdAt'] as const);
const MAX_COMPONENTS = 100;
const MAX_LAYERS = 30;

class MeasureFieldsDto {
  @ApiProperty({ enum: measureKind.enumValues, example: 'wall_insulation' })
  @IsIn(measureKind.enumValues)
  kind: MeasureKind;

  /** @example "Außenwanddämmung WDVS 16 cm" */
  @IsTrimmedString(200)
  title: string;

  @IsOptional()
  @IsTrimmedString(5000)
  description?: string | null;

  /** The components it changes (envelope measures; of the scenario's building). */
  @ApiPropertyOptional({ type: 'string', format: 'uuid', isArray: true, maxItems: MAX_COMPONENTS })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_COMPONENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  componentIds?: string[];

  /** Layers added to each component's build-up (or replacing it with `replacesLayers`); the resulting U-values are computed. */
  @ApiPropertyOptional({ type: [LayerDto], maxItems: MAX_LAYERS, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LAYERS)
  @ValidateNested({ each: true })
  @Type(() => LayerDto)
  newLayers?: LayerDto[] | null;

  @OptionalNotNull()
  @IsBoolean()
  replacesLayers?: boolean;

  /** The resulting U-value instead of layers (a new window's U_w), W/(m²·K). */
  @OptionalDecimal(0.05, 10, 3, 0.95)
  targetUValue?: number | null;

  /** What GEG Anlage 7 calls the change; defaults by kind (windows and doors: replacement, insulation: insulation_added). */
  @ApiPropertyOptional({ enum: envelopeTrigger.enumValues })
  @OptionalNotNull()
  @IsIn(envelopeTrigger.enumValues)
  trigger?: EnvelopeTrigger;

  /** Net cost estimate in euro cents. @example 3840000 */
  @OptionalInteger(0, Number.MAX_SAFE_INTEGER)
  costEstimateNetCents?: number | null;

  @ApiPropertyOptional({ enum: measureVatCategory.enumValues, nullable: true })
  @IsOptional()
  @IsIn(measureVatCategory.enumValues)
  vatCategory?: MeasureVatCategory | null;

  @OptionalYear(2027)
  plannedYear?: number | null;

  /** The day the requirement checks use (YYYY-MM-DD); without it, the day they run. */
  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'plannedDate must be a date YYYY-MM-DD' })
  plannedDate?: string | null;

  /** Expected final-energy savings in kWh/a (the consultant's figure). */
  @OptionalDecimal(0, 100_000_000, 1)
  expectedFinalEnergySavingsKwhA?: number | null;

  /** Expected CO₂ savings in kg/a (the consultant's figure). */
  @OptionalDecimal(0, 100_000_000, 1)
  expectedCo2SavingsKgA?: number | null;
}

export class CreateMeasureDto extends MeasureFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  scenarioId: string;

  /** The package of an iSFP scenario (1-based); null in a comparison scenario. @example 1 */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PACKAGES, nullable: true, example: 1 })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_PACKAGES)
  packageNumber: number | null;
}

/** PATCH of a measure of a draft scenario: only the fields sent change (`componentIds` and `newLayers` replace the lists). */
export class UpdateMeasureDto extends PartialType(OmitType(MeasureFieldsDto, ['kind', 'title'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: measureKind.enumValues })
  @OptionalNotNull()
  @IsIn(measureKind.enumValues)
  kind?: MeasureKind;

  /** @example "Außenwanddämmung WDVS 16 cm" */
  @OptionalNotNull()
  @IsTrimmedString(200)
  title?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PACKAGES, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PACKAGES)
  packageNumber?: number | null;
}

export class ListMeasuresQueryDto extends ListQueryDto {
  @IsSort(MEASURE_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  scenarioId?: string;

  @OptionalUuid()
  projectId?: string;

  @ApiPropertyOptional({ enum: measureKind.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(measureKind.enumValues, { each: true })
  kind?: MeasureKind[];
}

export class ExportMeasuresQueryDto extends OmitType(ListMeasuresQueryDto, ['limit', 'cursor'] as const) {}

export class MeasureResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  buildingId: string;
  @ApiProperty({ format: 'uuid' })
  scenarioId: string;
  @ApiProperty({ type: 'integer', nullable: true })
  packageNumber: number | null;
  /** Order within the scenario (as entered; copies keep it). */
  @ApiProperty({ type: 'integer' })
  position: number;
  @ApiProperty({ enum: measureKind.enumValues })
  kind: MeasureKind;
  title: string;
  description: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true })
  componentIds: string[];
  @ApiProperty({ type: [LayerResponseDto], nullable: true })
  newLayers: LayerResponseDto[] | null;
  replacesLayers: boolean;
  targetUValue: number | null;
  @ApiProperty({ enum: envelopeTrigger.enumValues })
  trigger: EnvelopeTrigger;
  @ApiProperty({ type: 'integer', nullable: true })
  costEstimateNetCents: number | null;
  @ApiProperty({ enum: measureVatCategory.enumValues, nullable: true })
  vatCategory: MeasureVatCategory | null;
  @ApiProperty({ type: 'integer', nullable: true })
  plannedYear: number | null;
  @ApiProperty({ format: 'date', nullable: true })
  plannedDate: string | null;
  expectedFinalEnergySavingsKwhA: number | null;
  expectedCo2SavingsKgA: number | null;
}

export const MeasurePageDto = PageDto(MeasureResponseDto);
