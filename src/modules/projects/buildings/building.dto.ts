import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsPostalAddress, PostalAddressDto } from '@libs/contact-data';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { OptionalDecimal, OptionalInteger, OptionalYear } from '../shared/field-decorators';
import { energyCarrier, EnergyCarrier } from '../shared/projects-enums.schema';
import { energyCertificateClass, EnergyCertificateClass, heatingKind, HeatingKind, projectBuildingType, ProjectBuildingType } from './buildings.schema';

export const BUILDING_SORTS = sortValues(['createdAt'] as const);

class BuildingFieldsDto {
  /** @example "Wohnhaus" */
  @IsOptional()
  @IsTrimmedString(200)
  name?: string | null;

  @IsOptional()
  @IsPostalAddress()
  address?: PostalAddressDto | null;

  @ApiPropertyOptional({ enum: projectBuildingType.enumValues, nullable: true })
  @IsOptional()
  @IsIn(projectBuildingType.enumValues)
  buildingType?: ProjectBuildingType | null;

  @OptionalYear(1965)
  yearOfConstruction?: number | null;

  /** Year of the building permit or notification. */
  @OptionalYear(1964)
  yearOfBuildingPermit?: number | null;

  @OptionalInteger(1, 10_000, 1)
  residentialUnits?: number | null;

  /** At most residentialUnits. */
  @OptionalInteger(0, 10_000, 1)
  ownerOccupiedUnits?: number | null;

  /** Heated living area in m². */
  @OptionalDecimal(1, 1_000_000, 2, 148.5)
  heatedLivingAreaM2?: number | null;

  /** Gebäudenutzfläche A_N in m². */
  @OptionalDecimal(1, 1_000_000, 2, 190.08)
  usefulAreaM2?: number | null;

  @OptionalInteger(1, 100, 2)
  storeys?: number | null;

  /** Listed building (Denkmalschutz). */
  @OptionalNotNull()
  @IsBoolean()
  listed?: boolean;

  @ApiPropertyOptional({ enum: energyCertificateClass.enumValues, nullable: true })
  @IsOptional()
  @IsIn(energyCertificateClass.enumValues)
  energyCertificateClass?: EnergyCertificateClass | null;

  /** Final energy from the certificate, kWh/(m²·a). */
  @OptionalDecimal(0, 2000, 1, 212.4)
  finalEnergyKwhM2a?: number | null;

  /** Primary energy from the certificate, kWh/(m²·a). */
  @OptionalDecimal(0, 2000, 1, 236.1)
  primaryEnergyKwhM2a?: number | null;

  @ApiPropertyOptional({ enum: heatingKind.enumValues, nullable: true })
  @IsOptional()
  @IsIn(heatingKind.enumValues)
  heatingKind?: HeatingKind | null;

  @ApiPropertyOptional({ enum: energyCarrier.enumValues, nullable: true })
  @IsOptional()
  @IsIn(energyCarrier.enumValues)
  heatingEnergyCarrier?: EnergyCarrier | null;

  @OptionalYear(1994)
  heatingYearInstalled?: number | null;

  /** Whether the current heating still works (funding bonuses depend on it). */
  @IsOptional()
  @IsBoolean()
  heatingWorking?: boolean | null;
}

export class CreateBuildingDto extends BuildingFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  projectId: string;
}

/** PATCH: only the fields sent change; `null` clears a field. A building stays in its project. */
export class UpdateBuildingDto extends PartialType(BuildingFieldsDto, { skipNullProperties: false }) {}

export class ListBuildingsQueryDto extends ListQueryDto {
  @IsSort(BUILDING_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  projectId?: string;
}

export class ExportBuildingsQueryDto extends OmitType(ListBuildingsQueryDto, ['limit', 'cursor'] as const) {}

export class BuildingResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  name: string | null;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  @ApiProperty({ enum: projectBuildingType.enumValues, nullable: true })
  buildingType: ProjectBuildingType | null;
  @ApiProperty({ type: 'integer', nullable: true })
  yearOfConstruction: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  yearOfBuildingPermit: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  residentialUnits: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  ownerOccupiedUnits: number | null;
  heatedLivingAreaM2: number | null;
  usefulAreaM2: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  storeys: number | null;
  listed: boolean;
  @ApiProperty({ enum: energyCertificateClass.enumValues, nullable: true })
  energyCertificateClass: EnergyCertificateClass | null;
  finalEnergyKwhM2a: number | null;
  primaryEnergyKwhM2a: number | null;
  @ApiProperty({ enum: heatingKind.enumValues, nullable: true })
  heatingKind: HeatingKind | null;
  @ApiProperty({ enum: energyCarrier.enumValues, nullable: true })
  heatingEnergyCarrier: EnergyCarrier | null;
  @ApiProperty({ type: 'integer', nullable: true })
  heatingYearInstalled: number | null;
  heatingWorking: boolean | null;
}

export const BuildingPageDto = PageDto(BuildingResponseDto);
