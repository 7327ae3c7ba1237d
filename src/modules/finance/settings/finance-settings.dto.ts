import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsEmailAddress, IsPhone, IsPostalAddress, PostalAddressDto } from '@libs/contact-data';
import { IsTrimmedString, OptionalNotNull, TrimToNull } from '@libs/http';
import { AuditedResponseDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, type LocalizedText } from '@libs/shared';
import { IsBic, IsIban, IsNumberFormat } from '../shared/finance-validators';
import { datevChartOfAccounts, type DatevAccountMapping, type DatevChartOfAccounts } from './finance-settings.schema';

const NormalizeVatId = () => Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s.-]/g, '').toUpperCase() || null : value));
const ACCOUNT = /^\d{4,8}$/;

export class DatevAccountMappingDto implements DatevAccountMapping {
  /** Revenue at the standard rate (SKR03 8400, SKR04 4400). @example "8400" */
  @Matches(ACCOUNT)
  revenueStandard: string;
  /** @example "8300" */
  @Matches(ACCOUNT)
  revenueReduced: string;
  /** Revenue taxed at 0 % under §12(3) UStG. @example "8337" */
  @Matches(ACCOUNT)
  revenueZeroPv: string;
  /** @example "8100" */
  @Matches(ACCOUNT)
  revenueExempt: string;
  /** @example "1200" */
  @Matches(ACCOUNT)
  bank: string;
  /** @example "1400" */
  @Matches(ACCOUNT)
  debtors: string;
}

/** PATCH of the organisation settings: only the fields sent change; `null` clears an optional one. */
export class UpdateFinanceSettingsDto {
  /** @example "Renewa Energieberatung GmbH" */
  @IsOptional()
  @IsTrimmedString(200)
  legalName?: string | null;

  @IsOptional()
  @IsPostalAddress()
  address?: PostalAddressDto | null;

  /** Steuernummer. @example "12/345/67890" */
  @IsOptional()
  @TrimToNull()
  @Matches(/^[0-9][0-9 /]{8,18}[0-9]$/, { message: 'taxNumber must be a tax number such as 12/345/67890' })
  taxNumber?: string | null;

  /** USt-IdNr. @example "DE123456789" */
  @IsOptional()
  @NormalizeVatId()
  @Matches(/^(DE\d{9}|(?!DE)[A-Z]{2}[0-9A-Z+*]{2,12})$/, { message: 'vatId must be a VAT id such as DE123456789' })
  vatId?: string | null;

  /** @example "Amtsgericht Berlin-Charlottenburg" */
  @IsOptional()
  @IsTrimmedString(120)
  registerCourt?: string | null;

  /** @example "HRB 123456 B" */
  @IsOptional()
  @IsTrimmedString(60)
  registerNumber?: string | null;

  /** @example ["Dr. Anna Beispiel"] */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  managingDirectors?: string[];

  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @IsOptional()
  @IsPhone()
  phone?: string | null;

  /** @example "https://www.renewa.example" */
  @IsOptional()
  @TrimToNull()
  @IsUrl({ protocols: ['http', 'https'] })
  @MaxLength(500)
  website?: string | null;

  @IsOptional()
  @IsIban()
  iban?: string | null;

  @IsOptional()
  @IsBic()
  bic?: string | null;

  /** @example "Commerzbank" */
  @IsOptional()
  @IsTrimmedString(120)
  bankName?: string | null;

  /** Days from the issue date to the due date. @example 14 */
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;

  @ApiLocalizedText({ required: false, nullable: true, example: { de: 'Zahlbar innerhalb von 14 Tagen ohne Abzug.', en: 'Payable within 14 days without deduction.' } })
  @IsOptional()
  @IsLocalizedText({ maxLength: 500 })
  paymentTermsText?: LocalizedText | null;

  @OptionalNotNull()
  @IsNumberFormat('RE-{YYYY}-{NNNNNN}')
  invoiceNumberFormat?: string;

  @OptionalNotNull()
  @IsNumberFormat('ST-{YYYY}-{NNNNNN}')
  cancellationNumberFormat?: string;

  @OptionalNotNull()
  @IsNumberFormat('A-{YYYY}-{NNNNNN}')
  quoteNumberFormat?: string;

  /** DATEV Beraternummer. @example 1234567 */
  @IsOptional()
  @IsInt()
  @Min(1001)
  @Max(9_999_999)
  datevConsultantNumber?: number | null;

  /** DATEV Mandantennummer. @example 10001 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99_999)
  datevClientNumber?: number | null;

  @ApiPropertyOptional({ enum: datevChartOfAccounts.enumValues })
  @OptionalNotNull()
  @IsIn(datevChartOfAccounts.enumValues)
  datevChartOfAccounts?: DatevChartOfAccounts;

  @ApiPropertyOptional({ type: DatevAccountMappingDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DatevAccountMappingDto)
  datevAccounts?: DatevAccountMappingDto | null;
}

export class FinanceSettingsResponseDto extends AuditedResponseDto {
  legalName: string | null;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  taxNumber: string | null;
  vatId: string | null;
  registerCourt: string | null;
  registerNumber: string | null;
  managingDirectors: string[];
  email: string | null;
  phone: string | null;
  website: string | null;
  iban: string | null;
  bic: string | null;
  bankName: string | null;
  @ApiProperty({ type: 'integer' })
  paymentTermsDays: number;
  @ApiLocalizedText({ nullable: true })
  paymentTermsText: LocalizedText | null;
  invoiceNumberFormat: string;
  cancellationNumberFormat: string;
  quoteNumberFormat: string;
  @ApiProperty({ type: 'integer', nullable: true })
  datevConsultantNumber: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  datevClientNumber: number | null;
  @ApiProperty({ enum: datevChartOfAccounts.enumValues })
  datevChartOfAccounts: DatevChartOfAccounts;
  @ApiProperty({ type: DatevAccountMappingDto, nullable: true })
  datevAccounts: DatevAccountMappingDto | null;
}
