import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { ListQueryDto, sortValues } from '@libs/pagination';
import { crmLanguage, CrmLanguage, salutation, Salutation } from '../shared/crm-columns';
import { IsPhone, NormalizeEmail, OptionalNotNull, TrimToNull } from '../shared/dto-helpers';
import { PostalAddressDto } from '../shared/postal-address.dto';

export const CONTACT_SORTS = sortValues(['createdAt', 'lastName'] as const);

class ContactFieldsDto {
  @ApiPropertyOptional({ enum: salutation.enumValues, nullable: true })
  @IsOptional()
  @IsIn(salutation.enumValues)
  salutation?: Salutation | null;

  /** @example "Dr." */
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(50)
  title?: string | null;

  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  firstName?: string | null;

  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  /** Any common notation; stored as E.164. */
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  /** Any common notation; stored as E.164. */
  @IsOptional()
  @IsPhone()
  mobile?: string | null;

  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  /** @example "Hausverwaltung" */
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  position?: string | null;

  @ApiPropertyOptional({ enum: crmLanguage.enumValues })
  @OptionalNotNull()
  @IsIn(crmLanguage.enumValues)
  preferredLanguage?: CrmLanguage;

  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto | null;

  /** Consent to marketing (Werbeeinwilligung). A change stamps `marketingConsentAt`. */
  @OptionalNotNull()
  @IsBoolean()
  marketingConsent?: boolean;

  /** Where consent was given or withdrawn (`web_form`, `phone`, `email`, `paper`, …); required when granting it. */
  @ValidateIf((dto: ContactFieldsDto) => dto.marketingConsent === true || (dto.marketingConsentSource !== undefined && dto.marketingConsentSource !== null))
  @TrimToNull()
  @IsString({ message: 'marketingConsentSource is required when marketingConsent is true' })
  @MinLength(1)
  @MaxLength(100)
  marketingConsentSource?: string | null;

  /** Defaults to the creator. */
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  /** Defaults to the creator's department. */
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}

export class CreateContactDto extends ContactFieldsDto {
  /** @example "Schmidt" */
  @TrimToNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  /** Create the contact although existing contacts or leads share its e-mail or phone (else 409 with them). */
  @IsOptional()
  @IsBoolean()
  allowDuplicates?: boolean;
}

export class UpdateContactDto extends ContactFieldsDto {
  @OptionalNotNull()
  @TrimToNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;
}

export class ListContactsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CONTACT_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(CONTACT_SORTS)
  sort?: string;

  @IsOptional()
  @IsUUID()
  companyId?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class MergeContactDto {
  /** The duplicate: its activities and references move to this contact, then it is deleted (history stays in the audit log). */
  @IsUUID()
  duplicateId: string;
}

export class ContactResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Bumped by every change; the ETag header carries it. */
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ enum: salutation.enumValues, nullable: true })
  salutation: Salutation | null;
  @ApiProperty({ type: 'string', nullable: true })
  title: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  firstName: string | null;
  lastName: string;
  @ApiProperty({ type: 'string', nullable: true })
  email: string | null;
  /** E.164 */
  @ApiProperty({ type: 'string', nullable: true })
  phone: string | null;
  /** E.164 */
  @ApiProperty({ type: 'string', nullable: true })
  mobile: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  companyId: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  position: string | null;
  @ApiProperty({ enum: crmLanguage.enumValues })
  preferredLanguage: CrmLanguage;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  marketingConsent: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  marketingConsentAt: Date | null;
  @ApiProperty({ type: 'string', nullable: true })
  marketingConsentSource: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  ownerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
  /** Set when this contact was merged into another (it is then deleted). */
  @ApiProperty({ format: 'uuid', nullable: true })
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true })
  createdBy: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  updatedBy: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  deletedAt: Date | null;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactResponseDto] })
  items: ContactResponseDto[];
  @ApiProperty({ type: 'string', nullable: true })
  nextCursor: string | null;
}

export class MergeContactResponseDto extends ContactResponseDto {
  /** Activities moved from the duplicate. */
  @ApiProperty({ type: 'integer' })
  movedActivities: number;
  /** Converted leads re-pointed from the duplicate. */
  @ApiProperty({ type: 'integer' })
  movedLeads: number;
}

export class ExportContactsQueryDto extends OmitType(ListContactsQueryDto, ['limit', 'cursor'] as const) {}
