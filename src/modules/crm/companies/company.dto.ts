import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ListQueryDto, sortValues } from '@libs/pagination';
import { IsPhone, NormalizeEmail, OptionalNotNull, TrimToNull } from '../shared/dto-helpers';
import { PostalAddressDto } from '../shared/postal-address.dto';
import { companyLegalForm, CompanyLegalForm } from './companies.schema';

export const COMPANY_SORTS = sortValues(['createdAt', 'name'] as const);

/** Upper-case without spaces, dots or dashes: `de 123 456 789` → `DE123456789`. */
const NormalizeVatId = () => Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s.-]/g, '').toUpperCase() || null : value));

class CompanyFieldsDto {
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
  @ValidateNested()
  @Type(() => PostalAddressDto)
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
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  /** Defaults to the creator. */
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  /** Defaults to the creator's department. */
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}

export class CreateCompanyDto extends CompanyFieldsDto {
  /** @example "Wohnbau Müller GmbH" */
  @TrimToNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class UpdateCompanyDto extends CompanyFieldsDto {
  @OptionalNotNull()
  @TrimToNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class ListCompaniesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: COMPANY_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(COMPANY_SORTS)
  sort?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class CompanyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Bumped by every change; the ETag header carries it. */
  @ApiProperty({ type: 'integer' })
  version: number;
  name: string;
  @ApiProperty({ enum: companyLegalForm.enumValues, nullable: true })
  legalForm: CompanyLegalForm | null;
  @ApiProperty({ type: 'string', nullable: true })
  vatId: string | null;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  @ApiProperty({ type: 'string', nullable: true })
  website: string | null;
  /** E.164 */
  @ApiProperty({ type: 'string', nullable: true })
  phone: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  email: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  ownerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true })
  createdBy: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  updatedBy: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  deletedAt: Date | null;
}

export class CompanyPageDto {
  @ApiProperty({ type: [CompanyResponseDto] })
  items: CompanyResponseDto[];
  @ApiProperty({ type: 'string', nullable: true })
  nextCursor: string | null;
}

export class ExportCompaniesQueryDto extends OmitType(ListCompaniesQueryDto, ['limit', 'cursor'] as const) {}
