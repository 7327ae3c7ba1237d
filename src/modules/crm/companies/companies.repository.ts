import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { CommonListFilters, ownershipConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { companies } from './companies.schema';

export interface CompanyFilters extends CommonListFilters {
  ownerId?: string;
  departmentId?: string;
}

const COMPANIES: ResourceTableSpec<typeof companies> = {
  table: companies,
  scope: { ownerColumns: [companies.ownerId, companies.createdBy], departmentColumn: companies.departmentId },
  constraints: ownershipConstraints('companies'),
  sort: {
    fields: { createdAt: { expression: companies.createdAt, type: 'timestamp' }, name: { expression: sql`lower(${companies.name})`, type: 'text' } },
    tieBreaker: companies.id,
    defaultSort: '-createdAt',
  },
  search: { text: companies.searchText, emails: [companies.email], phones: [companies.phone] },
  filters: { ownerId: companies.ownerId, departmentId: companies.departmentId },
};

@Injectable()
export class CompaniesRepository extends ResourceRepository<typeof companies, CompanyFilters> {
  protected readonly spec = COMPANIES;
}
