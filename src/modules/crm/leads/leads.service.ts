import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentGrant, currentScope, Scope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { keysetBatches, keysetPage, keysetQuery, Page } from '@libs/pagination';
import { CrmErrors } from '../crm.errors';
import { CRM_AGGREGATES, CRM_EVENTS, crmEvent, deletionChanges } from '../crm.events';
import { duplicateKeys } from '../shared/contact-data.rules';
import { assertDepartmentInScope, defaultDepartment } from '../shared/crm-scope';
import { DuplicatesRepository } from '../shared/duplicates.repository';
import { ExportLeadsQueryDto, CreateLeadDto, LeadResponseDto, ListLeadsQueryDto, UpdateLeadDto } from './lead.dto';
import { LEAD_AUDITED_FIELDS, LeadChanges, leadColumns, leadSearchText, leadSnapshot, toLeadResponse } from './lead.mapper';
import { initialStatus, planStatusChange, StatusChangeResult } from './lead.rules';
import { LEAD_SORT_SPEC, LeadsRepository } from './leads.repository';
import type { Lead, NewLead } from './leads.schema';

/** Lead CRUD and status changes. Conversion: LeadConversionService; CSV: LeadsImportService / LeadsExportService. */
@Injectable()
export class LeadsService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly leads: LeadsRepository,
    private readonly duplicates: DuplicatesRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListLeadsQueryDto): Promise<Page<LeadResponseDto>> {
    const scope = readScope(query.deleted !== 'exclude');
    const keyset = keysetQuery(LEAD_SORT_SPEC, query);
    const rows = await this.leads.list(query, scope, keyset);
    return keysetPage(rows, keyset, toLeadResponse);
  }

  /**
   * Every leads matching the list's filters, in its sort order, fetched in keyset batches as the CSV
   * stream is read. The scope is taken now, while the request's context is certain.
   */
  export(query: ExportLeadsQueryDto): AsyncIterable<Lead> {
    const scope = currentScope('crm.leads:read');
    if (query.deleted !== 'exclude') currentScope('crm.leads:delete');
    return keysetBatches(LEAD_SORT_SPEC, query.sort, (keyset) => this.leads.list(query, scope, keyset));
  }

  async get(id: string): Promise<LeadResponseDto> {
    const canSeeDeleted = currentGrant('crm.leads:delete') !== undefined;
    const lead = await this.leads.findById(id, currentScope('crm.leads:read'), { deleted: canSeeDeleted });
    if (!lead) throw CrmErrors.notFound('lead', id);
    return toLeadResponse(lead);
  }

  async create(dto: CreateLeadDto): Promise<LeadResponseDto> {
    const scope = currentScope('crm.leads:create');
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    const status = orThrow(initialStatus(dto));
    const values: NewLead = {
      ...leadColumns(dto),
      ...status,
      source: dto.source,
      interests: dto.interests ?? [],
      departmentId,
    };
    values.searchText = leadSearchText(values);
    return this.txHost.withTransaction(async () => {
      const keys = duplicateKeys(values);
      await this.duplicates.lock(keys);
      const candidates = await this.duplicates.find(keys);
      if (candidates.length > 0 && !dto.allowDuplicates) throw CrmErrors.duplicates('lead', candidates);
      const lead = await this.leads.insert(values);
      await this.outbox.append(
        crmEvent(CRM_EVENTS.leadCreated, CRM_AGGREGATES.lead, lead.id, {
          snapshot: leadSnapshot(lead),
          ...(candidates.length > 0 && { duplicatesAllowed: candidates.map((c) => c.id) }),
        }),
      );
      return toLeadResponse(lead);
    });
  }

  /** PATCH: the fields present in `dto`, at `version` (If-Match). Status moves follow lead.rules.ts. */
  async update(id: string, version: number, dto: UpdateLeadDto): Promise<LeadResponseDto> {
    const scope = currentScope('crm.leads:update');
    assertDepartmentInScope(scope, dto.departmentId);
    return this.txHost.withTransaction(async () => {
      const current = await this.current(id, version, scope);
      if (current.status === 'converted') throw CrmErrors.leadConverted(id);
      const status = orThrow(planStatusChange(current, dto, new Date()), current.status, dto.status);
      const changes: LeadChanges = { ...leadColumns(dto), ...status };
      if (dto.source !== undefined) changes.source = dto.source;
      if (dto.interests !== undefined) changes.interests = dto.interests;
      changes.searchText = leadSearchText({ ...current, ...changes });
      const updated = await this.leads.update(id, version, changes, scope);
      if (!updated) throw staleResource();
      const diff = fieldChanges(current, updated, LEAD_AUDITED_FIELDS);
      if (Object.keys(diff).length > 0) {
        await this.outbox.append(crmEvent(CRM_EVENTS.leadUpdated, CRM_AGGREGATES.lead, id, { changes: diff }));
      }
      return toLeadResponse(updated);
    });
  }

  async remove(id: string, version: number): Promise<void> {
    const scope = currentScope('crm.leads:delete');
    await this.txHost.withTransaction(async () => {
      const current = await this.current(id, version, scope);
      const deleted = await this.leads.setDeleted(id, true, version, scope);
      if (!deleted) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.leadDeleted, CRM_AGGREGATES.lead, id, deletionChanges(current.deletedAt, deleted.deletedAt)));
    });
  }

  /** Undoes a soft delete; `version` (optional If-Match) pins the deleted version. */
  async restore(id: string, version: number | undefined): Promise<LeadResponseDto> {
    const scope = currentScope('crm.leads:delete');
    return this.txHost.withTransaction(async () => {
      const current = await this.leads.findById(id, scope, { deleted: true });
      if (!current) throw CrmErrors.notFound('lead', id);
      if (!current.deletedAt) throw CrmErrors.notDeleted('lead', id);
      if (version !== undefined && current.version !== version) throw staleResource();
      const restored = await this.leads.setDeleted(id, false, current.version, scope);
      if (!restored) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.leadRestored, CRM_AGGREGATES.lead, id, deletionChanges(current.deletedAt, null)));
      return toLeadResponse(restored);
    });
  }

  /** The live lead at `version`: 404 when missing or out of scope, 412 when it has moved on. */
  private async current(id: string, version: number, scope: Scope): Promise<Lead> {
    const lead = await this.leads.findById(id, scope);
    if (!lead) throw CrmErrors.notFound('lead', id);
    if (lead.version !== version) throw staleResource();
    return lead;
  }
}

/** Listing deleted rows needs the delete permission too (who may restore them may see them). */
function readScope(includesDeleted: boolean): Scope {
  const scope = currentScope('crm.leads:read');
  if (includesDeleted) currentScope('crm.leads:delete');
  return scope;
}

/** A status decision of lead.rules.ts as columns, or its problem. */
function orThrow(result: StatusChangeResult, from = 'new', to = 'new') {
  if (result.ok) return result.fields;
  if (result.error === 'convert_via_endpoint') throw CrmErrors.convertViaEndpoint();
  if (result.error === 'lost_reason_required') throw CrmErrors.lostReasonRequired();
  throw CrmErrors.illegalTransition(from, to, result.allowed);
}
