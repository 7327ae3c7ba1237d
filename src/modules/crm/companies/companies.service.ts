import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentGrant, currentScope, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { keysetBatches, keysetPage, keysetQuery, Page } from '@libs/pagination';
import { CrmErrors } from '../crm.errors';
import { CRM_AGGREGATES, CRM_EVENTS, crmEvent, deletionChanges } from '../crm.events';
import { assertDepartmentInScope, defaultDepartment } from '../shared/crm-scope';
import { ExportCompaniesQueryDto, CompanyResponseDto, CreateCompanyDto, ListCompaniesQueryDto, UpdateCompanyDto } from './company.dto';
import { COMPANY_AUDITED_FIELDS, companyColumns, companySearchText, companySnapshot, toCompanyResponse } from './company.mapper';
import { COMPANY_SORT_SPEC, CompaniesRepository } from './companies.repository';
import type { Company, NewCompany } from './companies.schema';

@Injectable()
export class CompaniesService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly companies: CompaniesRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListCompaniesQueryDto): Promise<Page<CompanyResponseDto>> {
    const scope = currentScope('crm.companies:read');
    if (query.deleted !== 'exclude') currentScope('crm.companies:delete');
    const keyset = keysetQuery(COMPANY_SORT_SPEC, query);
    return keysetPage(await this.companies.list(query, scope, keyset), keyset, toCompanyResponse);
  }

  /**
   * Every companys matching the list's filters, in its sort order, fetched in keyset batches as the CSV
   * stream is read. The scope is taken now, while the request's context is certain.
   */
  export(query: ExportCompaniesQueryDto): AsyncIterable<Company> {
    const scope = currentScope('crm.companies:read');
    if (query.deleted !== 'exclude') currentScope('crm.companies:delete');
    return keysetBatches(COMPANY_SORT_SPEC, query.sort, (keyset) => this.companies.list(query, scope, keyset));
  }

  async get(id: string): Promise<CompanyResponseDto> {
    const company = await this.companies.findById(id, currentScope('crm.companies:read'), { deleted: currentGrant('crm.companies:delete') !== undefined });
    if (!company) throw CrmErrors.notFound('company', id);
    return toCompanyResponse(company);
  }

  async create(dto: CreateCompanyDto): Promise<CompanyResponseDto> {
    const scope = currentScope('crm.companies:create');
    return this.txHost.withTransaction(async () => toCompanyResponse(await this.insert(dto, scope)));
  }

  /** Inserts and announces a company; also used by lead conversion (inside its transaction). */
  async insert(dto: CreateCompanyDto, scope: Scope, origin: { fromLeadId?: string } = {}): Promise<Company> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    const values: NewCompany = { ...companyColumns(dto), name: dto.name, departmentId, ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId };
    values.searchText = companySearchText(values);
    const company = await this.companies.insert(values);
    await this.outbox.append(crmEvent(CRM_EVENTS.companyCreated, CRM_AGGREGATES.company, company.id, { snapshot: companySnapshot(company), ...origin }));
    return company;
  }

  async update(id: string, version: number, dto: UpdateCompanyDto): Promise<CompanyResponseDto> {
    const scope = currentScope('crm.companies:update');
    assertDepartmentInScope(scope, dto.departmentId);
    return this.txHost.withTransaction(async () => {
      const current = await this.current(id, version, scope);
      const changes = companyColumns(dto);
      changes.searchText = companySearchText({ ...current, ...changes });
      const updated = await this.companies.update(id, version, changes, scope);
      if (!updated) throw staleResource();
      const diff = fieldChanges(current, updated, COMPANY_AUDITED_FIELDS);
      if (Object.keys(diff).length > 0) await this.outbox.append(crmEvent(CRM_EVENTS.companyUpdated, CRM_AGGREGATES.company, id, { changes: diff }));
      return toCompanyResponse(updated);
    });
  }

  async remove(id: string, version: number): Promise<void> {
    const scope = currentScope('crm.companies:delete');
    await this.txHost.withTransaction(async () => {
      await this.current(id, version, scope);
      const deleted = await this.companies.setDeleted(id, true, version, scope);
      if (!deleted) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.companyDeleted, CRM_AGGREGATES.company, id, deletionChanges(null, deleted.deletedAt)));
    });
  }

  async restore(id: string, version: number | undefined): Promise<CompanyResponseDto> {
    const scope = currentScope('crm.companies:delete');
    return this.txHost.withTransaction(async () => {
      const current = await this.companies.findById(id, scope, { deleted: true });
      if (!current) throw CrmErrors.notFound('company', id);
      if (!current.deletedAt) throw CrmErrors.notDeleted('company', id);
      if (version !== undefined && current.version !== version) throw staleResource();
      const restored = await this.companies.setDeleted(id, false, current.version, scope);
      if (!restored) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.companyRestored, CRM_AGGREGATES.company, id, deletionChanges(current.deletedAt, null)));
      return toCompanyResponse(restored);
    });
  }

  private async current(id: string, version: number, scope: Scope): Promise<Company> {
    const company = await this.companies.findById(id, scope);
    if (!company) throw CrmErrors.notFound('company', id);
    if (company.version !== version) throw staleResource();
    return company;
  }
}
