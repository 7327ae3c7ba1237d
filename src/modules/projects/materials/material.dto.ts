import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsTrimmedString } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { IsDecimal, OptionalInteger } from '../shared/field-decorators';
import { materialGroup, MaterialGroup } from './materials.schema';

export const MATERIAL_SORTS = sortValues(['createdAt', 'name'] as const);

export class CreateMaterialDto {
  @ApiLocalizedText({ example: { de: 'Holzfaserdämmplatte WLS 040', en: 'Wood-fibre insulation board WLS 040' } })
  @IsLocalizedText({ maxLength: 200 })
  name: LocalizedText;

  @ApiProperty({ enum: materialGroup.enumValues, example: 'insulation' })
  @IsIn(materialGroup.enumValues)
  group: MaterialGroup;

  /** Design thermal conductivity λ in W/(m·K). @example 0.04 */
  @ApiProperty({ minimum: 0.001, maximum: 500, example: 0.04 })
  @IsDecimal(4)
  @Min(0.001)
  @Max(500)
  lambda: number;

  @OptionalInteger(1, 25_000, 160)
  densityKgM3?: number | null;

  /** Where λ comes from: a standard's table or a manufacturer's declaration of performance. @example "Leistungserklärung des Herstellers, 2025" */
  @IsTrimmedString(500)
  source: string;
}

/** PATCH of a material added by staff (seeded ones are read-only: 409). */
export class UpdateMaterialDto extends PartialType(CreateMaterialDto, { skipNullProperties: false }) {}

export class ListMaterialsQueryDto extends ListQueryDto {
  @IsSort(MATERIAL_SORTS, 'name')
  sort?: string;

  @ApiPropertyOptional({ enum: materialGroup.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(materialGroup.enumValues, { each: true })
  group?: MaterialGroup[];

  /** Only seeded reference materials (true) or only ones added by staff (false). */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  seeded?: boolean;
}

export class ExportMaterialsQueryDto extends OmitType(ListMaterialsQueryDto, ['limit', 'cursor'] as const) {}

export class MaterialResponseDto extends AuditedResponseDto {
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiProperty({ enum: materialGroup.enumValues })
  group: MaterialGroup;
  lambda: number;
  @ApiProperty({ type: 'integer', nullable: true })
  densityKgM3: number | null;
  source: string;
  /** Seeded reference data: read-only. */
  seeded: boolean;
}

export const MaterialPageDto = PageDto(MaterialResponseDto);
