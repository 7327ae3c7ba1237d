import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { PageDto } from '@libs/resource';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { componentBoundary, ComponentBoundary, componentCategory, ComponentCategory, envelopeTrigger, EnvelopeTrigger, heatFlowDirection, HeatFlowDirection } from '../shared/projects-enums.schema';
import { requirementSetKind, RequirementSetKind, uValueQuantity, UValueQuantity } from './requirement-sets.schema';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ListRequirementSetsQueryDto {
  /** Only versions of this set. @example "beg_em_tma" */
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-z0-9_]+$/, { message: 'key must be a set key such as geg_anlage_7' })
  key?: string;

  /** Only the versions valid on this day (YYYY-MM-DD). @example "2026-12-01" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'validOn must be a date YYYY-MM-DD' })
  validOn?: string;
}

export class ListUValueMethodsQueryDto {
  /** Only the method valid on this day (YYYY-MM-DD). @example "2026-12-01" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'validOn must be a date YYYY-MM-DD' })
  validOn?: string;
}

export class RequirementLimitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: componentCategory.enumValues })
  category: ComponentCategory;
  @ApiProperty({ enum: envelopeTrigger.enumValues })
  trigger: EnvelopeTrigger;
  @ApiProperty({ enum: uValueQuantity.enumValues })
  quantity: UValueQuantity;
  /** The largest allowed U-value, W/(m²·K). */
  uMax: number;
  /** @example "Anlage 7 Nr. 1" */
  citation: string;
  @ApiLocalizedText()
  componentLabel: LocalizedText;
}

export class RequirementSetResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** @example "geg_anlage_7" */
  key: string;
  @ApiProperty({ enum: requirementSetKind.enumValues })
  kind: RequirementSetKind;
  @ApiLocalizedText()
  shortName: LocalizedText;
  @ApiLocalizedText()
  name: LocalizedText;
  versionLabel: string;
  /** The legal citation, as data. */
  legalBasis: string;
  @ApiProperty({ format: 'date' })
  validFrom: string;
  /** Inclusive; null: open-ended. */
  @ApiProperty({ format: 'date', nullable: true })
  validTo: string | null;
  source: string;
  @ApiProperty({ type: [RequirementLimitDto] })
  limits: RequirementLimitDto[];
}

export const RequirementSetPageDto = PageDto(RequirementSetResponseDto);

export class SurfaceResistanceDto {
  @ApiProperty({ enum: heatFlowDirection.enumValues })
  heatFlow: HeatFlowDirection;
  @ApiProperty({ enum: componentBoundary.enumValues })
  boundary: ComponentBoundary;
  /** m²·K/W */
  rsi: number;
  /** m²·K/W */
  rse: number;
  source: string;
}

export class UValueMethodResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** @example "din_en_iso_6946" */
  key: string;
  /** @example "DIN EN ISO 6946:2018-03" */
  edition: string;
  /** How many significant figures the standard presents U with. */
  @ApiProperty({ type: 'integer' })
  significantFigures: number;
  @ApiProperty({ format: 'date' })
  validFrom: string;
  @ApiProperty({ format: 'date', nullable: true })
  validTo: string | null;
  source: string;
  @ApiProperty({ type: [SurfaceResistanceDto] })
  surfaceResistances: SurfaceResistanceDto[];
}

export const UValueMethodPageDto = PageDto(UValueMethodResponseDto);
