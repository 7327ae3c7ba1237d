import { buildSearchText } from '@libs/pagination';
import type { Snapshot } from '../crm.events';
import { normalizedContactData } from '../shared/contact-data.rules';
import { addressToColumns, columnsToAddress } from '../shared/postal-address.dto';
import type { CompanyResponseDto, UpdateCompanyDto } from './company.dto';
import type { Company, NewCompany } from './companies.schema';

export function toCompanyResponse(company: Company): CompanyResponseDto {
  return {
    id: company.id,
    version: company.version,
    name: company.name,
    legalForm: company.legalForm,
    vatId: company.vatId,
    address: columnsToAddress(company),
    website: company.website,
    phone: company.phone,
    email: company.email,
    ownerId: company.ownerId,
    departmentId: company.departmentId,
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
    createdBy: company.createdBy,
    updatedBy: company.updatedBy,
    deletedAt: company.deletedAt,
  };
}

export const COMPANY_AUDITED_FIELDS = [
  'name',
  'legalForm',
  'vatId',
  'street',
  'postalCode',
  'city',
  'countryCode',
  'website',
  'phone',
  'email',
  'ownerId',
  'departmentId',
] as const satisfies readonly (keyof Company)[];

export function companySnapshot(company: Company): Snapshot {
  return Object.fromEntries(COMPANY_AUDITED_FIELDS.map((field) => [field, company[field]]));
}

export type CompanyChanges = Partial<Omit<NewCompany, 'id' | 'version' | 'createdAt' | 'createdBy'>>;

/** Columns of the fields present in a DTO (undefined = not sent). */
export function companyColumns(dto: Partial<UpdateCompanyDto>): CompanyChanges {
  const columns: CompanyChanges = {
    name: dto.name,
    legalForm: dto.legalForm,
    vatId: dto.vatId,
    website: dto.website,
    phone: dto.phone,
    email: dto.email,
    ownerId: dto.ownerId,
    departmentId: dto.departmentId,
    ...(dto.address !== undefined && addressToColumns(dto.address)),
  };
  return normalizedContactData(Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as CompanyChanges);
}

export function companySearchText(company: Pick<NewCompany, 'name' | 'email' | 'phone'>): string {
  return buildSearchText([company.name, company.email], [company.phone]);
}
