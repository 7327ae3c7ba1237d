import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { ResourceDefinition, ResourceService, resourcePermissions } from '@libs/resource';
import { CRM_EVENTS } from '../crm.events';
import { CompanyResponseDto, CreateCompanyDto, UpdateCompanyDto } from './company.dto';
import { COMPANY_AUDITED_FIELDS, companyColumns, toCompanyResponse } from './company.mapper';
import { CompaniesRepository, CompanyFilters } from './companies.repository';
import type { companies, Company } from './companies.schema';

const COMPANY: ResourceDefinition<Company> = {
  name: 'company',
  code: 'CRM_COMPANY',
  permissions: resourcePermissions('crm.companies'),
  events: CRM_EVENTS.company,
  auditedFields: COMPANY_AUDITED_FIELDS,
};

@Injectable()
export class CompaniesService extends ResourceService<typeof companies, CompanyFilters, CompanyResponseDto> {
  constructor(@InjectTransactionHost() txHost: DbTransactionHost, repository: CompaniesRepository, outbox: EventOutbox) {
    super({ txHost, outbox, repository }, COMPANY, toCompanyResponse);
  }

  async create(dto: CreateCompanyDto): Promise<CompanyResponseDto> {
    const scope = currentScope('crm.companies:create');
    return toCompanyResponse(await this.steps.transaction(() => this.insert(dto, scope)));
  }

  /** Inserts and announces a company; also used by lead conversion (inside its transaction). */
  insert(dto: CreateCompanyDto, scope: Scope, origin: { fromLeadId?: string } = {}): Promise<Company> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    const ownerId = dto.ownerId === undefined ? currentActorId() : dto.ownerId;
    return this.steps.insert({ ...companyColumns({ ...dto, departmentId, ownerId }), name: dto.name }, origin);
  }

  async update(id: string, version: number, dto: UpdateCompanyDto): Promise<CompanyResponseDto> {
    assertDepartmentInScope(currentScope('crm.companies:update'), dto.departmentId);
    return toCompanyResponse(await this.steps.update(id, version, (current) => companyColumns(dto, current)));
  }
}
