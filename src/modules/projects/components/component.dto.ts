import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { OptionalDecimal, OptionalYear } from '../shared/field-decorators';
import { LayerDto, LayerResponseDto } from '../shared/layer.dto';
import { componentCategory, ComponentCategory, heatFlowDirection, HeatFlowDirection } from '../shared/projects-enums.schema';
import { componentCondition, ComponentCondition, componentOrientation, ComponentOrientation, uValueSource, UValueSource } from './components.schema';

export const COMPONENT_SORTS = sortValues(['createdAt'] as const);
export const MAX_LAYERS = 30;

class ComponentFieldsDto {
  /** @example "Außenwand Nord" */
  @IsTrimmedString(200)
  name: string;

  @ApiProperty({ enum: componentCategory.enumValues, example: 'external_wall_air' })
  @IsIn(componentCategory.enumValues)
  category: ComponentCategory;

  @ApiPropertyOptional({ enum: componentOrientation.enumValues, nullable: true })
  @IsOptional()
  @IsIn(componentOrientation.enumValues)
  orientation?: ComponentOrientation | null;

  /** Area in m². */
  @OptionalDecimal(0.01, 100_000, 2, 42.5)
  areaM2?: number | null;

  @OptionalYear(1965)
  yearBuilt?: number | null;

  @OptionalYear()
  yearRenewed?: number | null;

  @ApiPropertyOptional({ enum: componentCondition.enumValues, nullable: true })
  @IsOptional()
  @IsIn(componentCondition.enumValues)
  condition?: ComponentCondition | null;

  /** Overrides the heat-flow direction the category implies (R_si). */
  @ApiPropertyOptional({ enum: heatFlowDirection.enumValues, nullable: true })
  @IsOptional()
  @IsIn(heatFlowDirection.enumValues)
  heatFlowDirection?: HeatFlowDirection | null;

  /** The build-up, from which the U-value is computed (DIN EN ISO 6946). Not for windows, doors, curtain walls and glass roofs. */
  @ApiPropertyOptional({ type: [LayerDto], maxItems: MAX_LAYERS })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_LAYERS)
  @ValidateNested({ each: true })
  @Type(() => LayerDto)
  layers?: LayerDto[];

  /** A declared U-value instead of layers (a window's U_w from the manufacturer), W/(m²·K). */
  @OptionalDecimal(0.05, 10, 3)
  declaredUValue?: number | null;

  @IsOptional()
  @IsTrimmedString(2000)
  notes?: string | null;
}

export class CreateComponentDto extends ComponentFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  buildingId: string;
}

/** PATCH: only the fields sent change (`layers` replaces the whole build-up; `[]` clears it). The U-value is recomputed when a thermal field changes. */
export class UpdateComponentDto extends PartialType(OmitType(ComponentFieldsDto, ['name', 'category'] as const), { skipNullProperties: false }) {
  /** @example "Außenwand Nord" */
  @OptionalNotNull()
  @IsTrimmedString(200)
  name?: string;

  @ApiPropertyOptional({ enum: componentCategory.enumValues })
  @OptionalNotNull()
  @IsIn(componentCategory.enumValues)
  category?: ComponentCategory;
}

export class ListComponentsQueryDto extends ListQueryDto {
  @IsSort(COMPONENT_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  buildingId?: string;

  @OptionalUuid()
  projectId?: string;

  @ApiPropertyOptional({ enum: componentCategory.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(componentCategory.enumValues, { each: true })
  category?: ComponentCategory[];
}

export class ExportComponentsQueryDto extends OmitType(ListComponentsQueryDto, ['limit', 'cursor'] as const) {}

export class ComponentResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  buildingId: string;
  name: string;
  @ApiProperty({ enum: componentCategory.enumValues })
  category: ComponentCategory;
  @ApiProperty({ enum: componentOrientation.enumValues, nullable: true })
  orientation: ComponentOrientation | null;
  areaM2: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  yearBuilt: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  yearRenewed: number | null;
  @ApiProperty({ enum: componentCondition.enumValues, nullable: true })
  condition: ComponentCondition | null;
  @ApiProperty({ enum: heatFlowDirection.enumValues, nullable: true })
  heatFlowDirection: HeatFlowDirection | null;
  @ApiProperty({ type: [LayerResponseDto] })
  layers: LayerResponseDto[];
  declaredUValue: number | null;
  /** U in W/(m²·K) as computed (unrounded) or declared. */
  uValue: number | null;
  /** U as the standard presents it (two significant figures). */
  uValueRounded: number | null;
  @ApiProperty({ enum: uValueSource.enumValues, nullable: true })
  uValueSource: UValueSource | null;
  /** The U-value method (edition, surface resistances, rounding) used. */
  @ApiProperty({ format: 'uuid', nullable: true })
  uValueMethodId: string | null;
  notes: string | null;
}

export const ComponentPageDto = PageDto(ComponentResponseDto);
