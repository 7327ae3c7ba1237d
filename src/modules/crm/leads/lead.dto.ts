import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayUnique, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsPostalAddress, PostalAddressDto } from '@libs/contact-data';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { crmLanguage, CrmLanguage, salutation, Salutation } from '../shared/crm-enums.schema';
import { PersonFieldsDto } from '../shared/person.dto';
import { buildingType, BuildingType, leadInterest, LeadInterest, leadLostReason, LeadLostReason, leadSource, LeadSource, leadStatus, LeadStatus } from './leads.schema';

export const LEAD_SORT_FIELDS = ['createdAt', 'updatedAt'] as const;
export const LEAD_SORTS = sortValues(LEAD_SORT_FIELDS);
const CURRENT_YEAR_LIMIT = 2100;

/** The fields a lead is created and edited with (PATCH: all optional; null clears nullable fields). */
class LeadFieldsDto extends PersonFieldsDto {
  @ApiPropertyOptional({ enum: leadInterest.enumValues, isArray: true, description: 'What the enquirer is interested in.' })
  @OptionalNotNull()
  @ToArray()
  @IsIn(leadInterest.enumValues, { each: true })
  @ArrayUnique()
  interests?: LeadInterest[];

  /** What the enquirer wrote or said. */
  @IsOptional()
  @IsTrimmedString(5000)
  message?: string | null;

  @IsOptional()
  @IsTrimmedString(100)
  lastName?: string | null;

  /** The enquirer's company, if any (becomes a company on conversion). */
  @IsOptional()
  @IsTrimmedString(200)
  companyName?: string | null;

  /** The property the enquiry is about. */
  @IsOptional()
  @IsPostalAddress()
  propertyAddress?: PostalAddressDto | null;

  @ApiPropertyOptional({ enum: buildingType.enumValues, nullable: true })
  @IsOptional()
  @IsIn(buildingType.enumValues)
  buildingType?: BuildingType | null;

  /** @example 1968 */
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1500)
  @Max(CURRENT_YEAR_LIMIT)
  yearBuilt?: number | null;

  /** Wohnfläche in m². @example 142.5 */
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(1_000_000)
  livingAreaM2?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  residentialUnits?: number | null;

  @IsOptional()
  @IsBoolean()
  ownerOccupied?: boolean | null;

  /** Expected order value in euro cents. @example 2500000 */
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  estimatedValueCents?: number | null;

  @OptionalUuid()
  assigneeId?: string | null;

  /** Defaults to the creator's department. */
  @OptionalUuid()
  departmentId?: string | null;
}

export class CreateLeadDto extends LeadFieldsDto {
  @ApiProperty({ enum: leadSource.enumValues })
  @IsIn(leadSource.enumValues)
  source: LeadSource;

  /** `new` (default); `lost` with a reason for historical records. `converted` only by converting. */
  @ApiPropertyOptional({ enum: ['new', 'contacted', 'qualified', 'lost'] })
  @IsOptional()
  @IsIn(['new', 'contacted', 'qualified', 'lost'])
  status?: LeadStatus;

  @ApiPropertyOptional({ enum: leadLostReason.enumValues })
  @IsOptional()
  @IsIn(leadLostReason.enumValues)
  lostReason?: LeadLostReason;

  @IsOptional()
  @IsTrimmedString(1000)
  lostNote?: string | null;

  /**
   * Create the lead even though existing leads or contacts share its e-mail or phone (without it,
   * such a lead is answered with 409 CRM_DUPLICATE_CANDIDATES listing them).
   */
  @IsOptional()
  @IsBoolean()
  allowDuplicates?: boolean;
}

export class UpdateLeadDto extends LeadFieldsDto {
  @ApiPropertyOptional({ enum: leadSource.enumValues })
  @OptionalNotNull()
  @IsIn(leadSource.enumValues)
  source?: LeadSource;

  /** Allowed moves: new → contacted | qualified | lost, contacted → qualified | lost, qualified → lost, lost → new. 409 otherwise. */
  @ApiPropertyOptional({ enum: leadStatus.enumValues })
  @OptionalNotNull()
  @IsIn(leadStatus.enumValues)
  status?: LeadStatus;

  /** Required when the status becomes (or is) lost. */
  @ApiPropertyOptional({ enum: leadLostReason.enumValues, nullable: true })
  @IsOptional()
  @IsIn(leadLostReason.enumValues)
  lostReason?: LeadLostReason | null;

  @IsOptional()
  @IsTrimmedString(1000)
  lostNote?: string | null;
}

export class ListLeadsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: LEAD_SORTS, default: '-createdAt', description: 'Field to sort by; `-` for descending.' })
  @IsOptional()
  @IsIn(LEAD_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: leadStatus.enumValues, isArray: true, description: 'Repeat or comma-separate for several.' })
  @IsOptional()
  @ToArray()
  @IsIn(leadStatus.enumValues, { each: true })
  status?: LeadStatus[];

  @ApiPropertyOptional({ enum: leadSource.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(leadSource.enumValues, { each: true })
  source?: LeadSource[];

  @ApiPropertyOptional({ enum: leadInterest.enumValues })
  @IsOptional()
  @IsIn(leadInterest.enumValues)
  interest?: LeadInterest;

  @OptionalUuid()
  assigneeId?: string;

  @OptionalUuid()
  departmentId?: string;
}

export class LeadResponseDto extends AuditedResponseDto {
  @ApiProperty({ enum: leadSource.enumValues })
  source: LeadSource;
  @ApiProperty({ enum: leadStatus.enumValues })
  status: LeadStatus;
  statusChangedAt: Date;
  @ApiProperty({ enum: leadLostReason.enumValues, nullable: true })
  lostReason: LeadLostReason | null;
  lostNote: string | null;
  @ApiProperty({ enum: leadInterest.enumValues, isArray: true })
  interests: LeadInterest[];
  message: string | null;
  @ApiProperty({ enum: salutation.enumValues, nullable: true })
  salutation: Salutation | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  email: string | null;
  /** E.164 */
  phone: string | null;
  @ApiProperty({ enum: crmLanguage.enumValues })
  preferredLanguage: CrmLanguage;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  propertyAddress: PostalAddressDto | null;
  @ApiProperty({ enum: buildingType.enumValues, nullable: true })
  buildingType: BuildingType | null;
  @ApiProperty({ type: 'integer', nullable: true })
  yearBuilt: number | null;
  livingAreaM2: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  residentialUnits: number | null;
  ownerOccupied: boolean | null;
  @ApiProperty({ type: 'integer', nullable: true })
  estimatedValueCents: number | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  assigneeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
  convertedAt: Date | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  convertedContactId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  convertedCompanyId: string | null;
}

export const LeadPageDto = PageDto(LeadResponseDto);

/** The list's filters and sort, without paging: the export streams every matching lead. */
export class ExportLeadsQueryDto extends OmitType(ListLeadsQueryDto, ['limit', 'cursor'] as const) {}
