import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { IsEmailAddress, IsPhone, IsPostalAddress, PostalAddressDto } from '@libs/contact-data';
import { IsTrimmedString, TrimToNull } from '@libs/http';
import { IsSort, OwnedListQueryDto, sortValues } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { companyLegalForm, CompanyLegalForm } from './companies.schema';

export const COMPANY_SORTS = sortValues(['createdAt', 'name'] as const);

/** Upper-case without spaces, dots or dashes: `de 123 456 789` → `DE123456789`. */
const NormalizeVatId = () => Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s.-]/g, '').toUpperCase() || null : value));

class CompanyFieldsDto extends OwnershipFieldsDto {
  @ApiPropertyOptional({ enum: companyLegalForm.enumValues, nullable: true })
  @IsOptional()
  @IsIn(companyLegalForm.enumValues)
  legalForm?: CompanyLegalForm | null;

  /** USt-IdNr.; German ones are DE and nine digits. @example "DE123456789" */
  @IsOptional()
  @NormalizeVatId()
  @Matches(/^(DE\d{9}|(?!DE)[A-Z]{2}[0-9A-Z+*]{2,12})$/, { message: 'vatId must be a VAT id such as DE123456789' })
  vatId?: string | null;

  @IsOptional()
  @IsPostalAddress()
  address?: PostalAddressDto | null;

  /** @example "https://www.example.de" */
  @IsOptional()
  @TrimToNull()
  @IsUrl({ protocols: ['http', 'https'] })
  @MaxLength(500)
  website?: string | null;

  /** Any common notation; stored as E.164. */
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @IsOptional()
  @IsEmailAddress()
  email?: string | null;
}

export class CreateCompanyDto extends CompanyFieldsDto {
  /** @example "Wohnbau Müller GmbH" */
  @IsTrimmedString(200)
  name: string;
}

/** PATCH: only the fields sent change; `null` clears a field (not `name`). */
export class UpdateCompanyDto extends PartialType(CreateCompanyDto, { skipNullProperties: false }) {}

export class ListCompaniesQueryDto extends OwnedListQueryDto {
  @IsSort(COMPANY_SORTS, '-createdAt')
  sort?: string;
}

export class CompanyResponseDto extends OwnedResponseDto {
  name: string;
  @ApiProperty({ enum: companyLegalForm.enumValues, nullable: true })
  legalForm: CompanyLegalForm | null;
  vatId: string | null;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  website: string | null;
  /** E.164 */
  phone: string | null;
  email: string | null;
}

export const CompanyPageDto = PageDto(CompanyResponseDto);

export class ExportCompaniesQueryDto extends OmitType(ListCompaniesQueryDto, ['limit', 'cursor'] as const) {}
