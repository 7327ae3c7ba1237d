import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { OptionalDecimal, OptionalYear } from '../shared/field-decorators';
import { energyCarrier, EnergyCarrier } from '../shared/projects-enums.schema';
import { buildingSystemKind, BuildingSystemKind } from './building-systems.schema';

export const BUILDING_SYSTEM_SORTS = sortValues(['createdAt'] as const);

class BuildingSystemFieldsDto {
  @ApiProperty({ enum: buildingSystemKind.enumValues, example: 'heat_generator' })
  @IsIn(buildingSystemKind.enumValues)
  kind: BuildingSystemKind;

  /** @example "Gas-Niedertemperaturkessel, Keller" */
  @IsOptional()
  @IsTrimmedString(500)
  description?: string | null;

  @ApiPropertyOptional({ enum: energyCarrier.enumValues, nullable: true })
  @IsOptional()
  @IsIn(energyCarrier.enumValues)
  energyCarrier?: EnergyCarrier | null;

  /** Nominal power in kW. */
  @OptionalDecimal(0, 100_000, 2, 24)
  powerKw?: number | null;

  @OptionalYear(1994)
  yearInstalled?: number | null;

  /** Photovoltaics: peak power in kWp. */
  @OptionalDecimal(0, 100_000, 2)
  peakPowerKwp?: number | null;

  /** Storage: capacity in kWh. */
  @OptionalDecimal(0, 100_000, 2)
  capacityKwh?: number | null;

  /** Ventilation: with heat recovery. */
  @IsOptional()
  @IsBoolean()
  heatRecovery?: boolean | null;

  /** Distribution (or the heat generator's circuit): hydraulic balancing done. */
  @IsOptional()
  @IsBoolean()
  hydraulicallyBalanced?: boolean | null;

  @IsOptional()
  @IsTrimmedString(2000)
  notes?: string | null;
}

export class CreateBuildingSystemDto extends BuildingSystemFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  buildingId: string;
}

export class UpdateBuildingSystemDto extends PartialType(OmitType(BuildingSystemFieldsDto, ['kind'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: buildingSystemKind.enumValues })
  @OptionalNotNull()
  @IsIn(buildingSystemKind.enumValues)
  kind?: BuildingSystemKind;
}

export class ListBuildingSystemsQueryDto extends ListQueryDto {
  @IsSort(BUILDING_SYSTEM_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  buildingId?: string;

  @OptionalUuid()
  projectId?: string;

  @ApiPropertyOptional({ enum: buildingSystemKind.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(buildingSystemKind.enumValues, { each: true })
  kind?: BuildingSystemKind[];
}

export class ExportBuildingSystemsQueryDto extends OmitType(ListBuildingSystemsQueryDto, ['limit', 'cursor'] as const) {}

export class BuildingSystemResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  buildingId: string;
  @ApiProperty({ enum: buildingSystemKind.enumValues })
  kind: BuildingSystemKind;
  description: string | null;
  @ApiProperty({ enum: energyCarrier.enumValues, nullable: true })
  energyCarrier: EnergyCarrier | null;
  powerKw: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  yearInstalled: number | null;
  peakPowerKwp: number | null;
  capacityKwh: number | null;
  heatRecovery: boolean | null;
  hydraulicallyBalanced: boolean | null;
  notes: string | null;
}

export const BuildingSystemPageDto = PageDto(BuildingSystemResponseDto);
