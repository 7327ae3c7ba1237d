import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { OptionalUuid } from '@libs/http';
import { CompanyResponseDto } from '../companies/company.dto';
import { ContactResponseDto } from '../contacts/contact.dto';
import { LeadResponseDto } from './lead.dto';

/**
 * What a qualified lead becomes. By default a contact is created from the lead's contact data, and
 * a company from `companyName` when the lead has one; either can instead link an existing record.
 */
export class ConvertLeadDto {
  /** Link this existing contact instead of creating one. */
  @OptionalUuid()
  contactId?: string;

  /** Link this existing company instead of creating one from the lead's companyName. */
  @OptionalUuid()
  companyId?: string;

  /** Create a company from `companyName` (default: whenever the lead has one and no companyId is given). */
  @IsOptional()
  @IsBoolean()
  createCompany?: boolean;

  /** Create the contact even though existing contacts or leads share its e-mail or phone (else 409 with them). */
  @IsOptional()
  @IsBoolean()
  allowDuplicates?: boolean;
}

/** The converted lead (ETag: its version) with the contact and company it now links. */
export class ConvertLeadResponseDto extends LeadResponseDto {
  @ApiProperty({ type: ContactResponseDto })
  contact: ContactResponseDto;

  @ApiProperty({ type: CompanyResponseDto, nullable: true })
  company: CompanyResponseDto | null;
}
