import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsEmailAddress, IsPhone } from '@libs/contact-data';
import { IsTrimmedString, OptionalNotNull } from '@libs/http';
import { crmLanguage, CrmLanguage, salutation, Salutation } from './crm-enums.schema';

/** How leads and contacts name and reach a person (the contact created from a lead takes them over). */
export class PersonFieldsDto {
  @ApiPropertyOptional({ enum: salutation.enumValues, nullable: true })
  @IsOptional()
  @IsIn(salutation.enumValues)
  salutation?: Salutation | null;

  @IsOptional()
  @IsTrimmedString(100)
  firstName?: string | null;

  /** Stored trimmed and lower-cased. @example "anna.schmidt@example.de" */
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  /** Any common notation; stored and returned as E.164. @example "030 1234567" */
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  /** The language to write to them in. */
  @ApiPropertyOptional({ enum: crmLanguage.enumValues })
  @OptionalNotNull()
  @IsIn(crmLanguage.enumValues)
  preferredLanguage?: CrmLanguage;
}
