import { ApiProperty, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsPhone, IsPostalAddress, PostalAddressDto } from '@libs/contact-data';
import { IsTrimmedString, OptionalNotNull, OptionalUuid, TrimToNull } from '@libs/http';
import { IsSort, OwnedListQueryDto, sortValues } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { crmLanguage, CrmLanguage, salutation, Salutation } from '../shared/crm-enums.schema';
import { PersonFieldsDto } from '../shared/person.dto';

export const CONTACT_SORTS = sortValues(['createdAt', 'lastName'] as const);

class ContactFieldsDto extends IntersectionType(OwnershipFieldsDto, PersonFieldsDto) {
  /** @example "Dr." */
  @IsOptional()
  @IsTrimmedString(50)
  title?: string | null;

  /** Any common notation; stored as E.164. */
  @IsOptional()
  @IsPhone()
  mobile?: string | null;

  @OptionalUuid()
  companyId?: string | null;

  /** @example "Hausverwaltung" */
  @IsOptional()
  @IsTrimmedString(100)
  position?: string | null;

  @IsOptional()
  @IsPostalAddress()
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
}

export class CreateContactDto extends ContactFieldsDto {
  /** @example "Schmidt" */
  @IsTrimmedString(100)
  lastName: string;

  /** Create the contact although existing contacts or leads share its e-mail or phone (else 409 with them). */
  @IsOptional()
  @IsBoolean()
  allowDuplicates?: boolean;
}

/** PATCH: only the fields sent change; `null` clears a field (not `lastName`, `preferredLanguage`, `marketingConsent`). */
export class UpdateContactDto extends PartialType(OmitType(CreateContactDto, ['allowDuplicates'] as const), { skipNullProperties: false }) {}

export class ListContactsQueryDto extends OwnedListQueryDto {
  @IsSort(CONTACT_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  companyId?: string;
}

export class MergeContactDto {
  /** The duplicate: its activities and references move to this contact, then it is deleted (history stays in the audit log). */
  @IsUUID()
  duplicateId: string;
}

export class ContactResponseDto extends OwnedResponseDto {
  @ApiProperty({ enum: salutation.enumValues, nullable: true })
  salutation: Salutation | null;
  title: string | null;
  firstName: string | null;
  lastName: string;
  email: string | null;
  /** E.164 */
  phone: string | null;
  /** E.164 */
  mobile: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  companyId: string | null;
  position: string | null;
  @ApiProperty({ enum: crmLanguage.enumValues })
  preferredLanguage: CrmLanguage;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  marketingConsent: boolean;
  marketingConsentAt: Date | null;
  marketingConsentSource: string | null;
  /** Set when this contact was merged into another (it is then deleted). */
  @ApiProperty({ format: 'uuid', nullable: true })
  mergedIntoId: string | null;
}

export const ContactPageDto = PageDto(ContactResponseDto);

export class MergeContactResponseDto extends ContactResponseDto {
  /** Activities moved from the duplicate. */
  @ApiProperty({ type: 'integer' })
  movedActivities: number;
  /** Converted leads re-pointed from the duplicate. */
  @ApiProperty({ type: 'integer' })
  movedLeads: number;
}

export class ExportContactsQueryDto extends OmitType(ListContactsQueryDto, ['limit', 'cursor'] as const) {}
