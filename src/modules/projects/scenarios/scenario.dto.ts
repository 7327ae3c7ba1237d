import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { OptionalYear } from '../shared/field-decorators';
import { scenarioKind, ScenarioKind, scenarioStatus, ScenarioStatus } from './scenarios.schema';

export const SCENARIO_SORTS = sortValues(['createdAt'] as const);
export const MAX_PACKAGES = 10;

/** One package of an iSFP, in order; its measures name it by its number (1-based position). */
export class ScenarioPackageDto {
  /** @example "Paket 1: Heizung und Hydraulik" */
  @IsTrimmedString(200)
  title: string;

  @OptionalYear(2027)
  plannedYear?: number | null;
}

export class ScenarioPackageResponseDto {
  title: string;
  @ApiProperty({ type: 'integer', nullable: true })
  plannedYear: number | null;
}

export class CreateScenarioDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  buildingId: string;

  /** @example "iSFP Familie Schmidt" */
  @IsTrimmedString(200)
  name: string;

  @ApiProperty({ enum: scenarioKind.enumValues, example: 'isfp' })
  @IsIn(scenarioKind.enumValues)
  kind: ScenarioKind;

  /**
   * An iSFP's packages in order (presenting needs 1 or 3–5, each with measures); none for a comparison.
   */
  @ApiProperty({ type: [ScenarioPackageDto], maxItems: MAX_PACKAGES, example: [{ title: 'Paket 1: Gebäudehülle', plannedYear: 2027 }] })
  @IsArray()
  @ArrayMaxSize(MAX_PACKAGES)
  @ValidateNested({ each: true })
  @Type(() => ScenarioPackageDto)
  packages: ScenarioPackageDto[];

  @IsOptional()
  @IsTrimmedString(5000)
  description?: string | null;
}

/** PATCH of a draft: only the fields sent change; `packages` replaces the list (a package with measures cannot be dropped: 409). */
export class UpdateScenarioDto {
  /** @example "iSFP Familie Schmidt" */
  @OptionalNotNull()
  @IsTrimmedString(200)
  name?: string;

  @ApiPropertyOptional({ type: [ScenarioPackageDto], maxItems: MAX_PACKAGES })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_PACKAGES)
  @ValidateNested({ each: true })
  @Type(() => ScenarioPackageDto)
  packages?: ScenarioPackageDto[];

  @IsOptional()
  @IsTrimmedString(5000)
  description?: string | null;
}

export class ChangeScenarioStatusDto {
  /** presented → accepted | rejected | superseded; accepted or rejected → superseded. Presenting has its own route. */
  @ApiProperty({ enum: ['accepted', 'rejected', 'superseded'], example: 'accepted' })
  @IsIn(['accepted', 'rejected', 'superseded'])
  status: 'accepted' | 'rejected' | 'superseded';
}

export class CopyScenarioDto {
  /** Defaults to "<name> (Kopie)". @example "iSFP Variante B" */
  @IsOptional()
  @IsTrimmedString(200)
  name?: string;
}

export class ListScenariosQueryDto extends ListQueryDto {
  @IsSort(SCENARIO_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  buildingId?: string;

  @OptionalUuid()
  projectId?: string;

  @ApiPropertyOptional({ enum: scenarioStatus.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(scenarioStatus.enumValues, { each: true })
  status?: ScenarioStatus[];

  @ApiPropertyOptional({ enum: scenarioKind.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(scenarioKind.enumValues, { each: true })
  kind?: ScenarioKind[];
}

export class ExportScenariosQueryDto extends OmitType(ListScenariosQueryDto, ['limit', 'cursor'] as const) {}

export class ScenarioResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  buildingId: string;
  name: string;
  @ApiProperty({ enum: scenarioKind.enumValues })
  kind: ScenarioKind;
  @ApiProperty({ enum: scenarioStatus.enumValues })
  status: ScenarioStatus;
  statusChangedAt: Date;
  @ApiProperty({ type: [ScenarioPackageResponseDto] })
  packages: ScenarioPackageResponseDto[];
  description: string | null;
  /** 1 for a new scenario; each revision of a presented one counts on. */
  @ApiProperty({ type: 'integer' })
  revision: number;
  @ApiProperty({ format: 'uuid', nullable: true })
  previousRevisionId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  copiedFromId: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  presentedAt: Date | null;
}

export const ScenarioPageDto = PageDto(ScenarioResponseDto);
