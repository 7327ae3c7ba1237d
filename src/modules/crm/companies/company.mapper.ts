import { addressToColumns, columnsToAddress, normalizedContactData } from '@libs/contact-data';
import { fieldColumns } from '@libs/csv';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { CompanyResponseDto, UpdateCompanyDto } from './company.dto';
import type { Company, companies } from './companies.schema';

/** The fields a company answers with and its DTOs set, besides the address. */
const COMPANY_FIELDS = ['name', 'legalForm', 'vatId', 'website', 'phone', 'email', 'ownerId', 'departmentId'] as const satisfies readonly (keyof Company)[];
const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'countryCode'] as const;

export const COMPANY_AUDITED_FIELDS = [...COMPANY_FIELDS, ...ADDRESS_FIELDS];

export const COMPANY_EXPORT_COLUMNS = fieldColumns<Company>(['id', 'createdAt', 'updatedAt', ...COMPANY_AUDITED_FIELDS, 'deletedAt']);

export function toCompanyResponse(company: Company): CompanyResponseDto {
  // The address is set on the picked object: spreading it into a new one costs far more per row.
  const response: Omit<CompanyResponseDto, 'address'> & Partial<Pick<CompanyResponseDto, 'address'>> = auditedPick(company, COMPANY_FIELDS);
  response.address = columnsToAddress(company);
  return response as CompanyResponseDto;
}

export type CompanyChanges = ChangesOf<typeof companies>;

/** Columns of the fields present in a DTO (undefined = not sent), normalised, with the search text. */
export function companyColumns(dto: Partial<UpdateCompanyDto>, current?: Company): CompanyChanges {
  const columns = normalizedContactData(pickDefined({ ...pick(dto, COMPANY_FIELDS), ...(dto.address !== undefined && addressToColumns(dto.address)) }));
  const merged = { ...current, ...columns };
  return { ...columns, searchText: buildSearchText([merged.name, merged.email], [merged.phone]) };
}
