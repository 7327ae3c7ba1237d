import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { ResourceDefinition, ResourceService, resourcePermissions } from '@libs/resource';
import { CrmErrors } from '../crm.errors';
import { CRM_EVENTS } from '../crm.events';
import { DuplicateCheck } from '../shared/duplicate-check.service';
import { CreateLeadDto, LeadResponseDto, UpdateLeadDto } from './lead.dto';
import { LEAD_AUDITED_FIELDS, LeadChanges, leadColumns, leadSearchText, toLeadResponse } from './lead.mapper';
import { initialStatus, planStatusChange, StatusChangeResult } from './lead.rules';
import { LeadFilters, LeadsRepository } from './leads.repository';
import type { Lead, leads, NewLead } from './leads.schema';

export const LEAD: ResourceDefinition<Lead> = {
  name: 'lead',
  code: 'CRM_LEAD',
  permissions: resourcePermissions('crm.leads'),
  events: CRM_EVENTS.lead,
  auditedFields: LEAD_AUDITED_FIELDS,
};

/** Lead CRUD and status changes. Conversion: LeadConversionService; CSV import: LeadsImportService. */
@Injectable()
export class LeadsService extends ResourceService<typeof leads, LeadFilters, LeadResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: LeadsRepository,
    private readonly duplicates: DuplicateCheck,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, LEAD, toLeadResponse);
  }

  /** `extra`: further members of the created event (a form's attribution). */
  async create(dto: CreateLeadDto, extra: object = {}): Promise<LeadResponseDto> {
    const scope = currentScope('crm.leads:create');
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    const values: NewLead = { ...leadColumns(dto), ...orThrow(initialStatus(dto)), source: dto.source, interests: dto.interests ?? [], departmentId };
    values.searchText = leadSearchText(values as Lead);
    return this.steps.transaction(async () => {
      const allowed = await this.duplicates.check('lead', values, dto.allowDuplicates);
      return toLeadResponse(await this.steps.insert(values, { ...allowed, ...extra }));
    });
  }

  /** PATCH: the fields present in `dto`, at `version` (If-Match). Status moves follow lead.rules.ts. */
  async update(id: string, version: number, dto: UpdateLeadDto): Promise<LeadResponseDto> {
    assertDepartmentInScope(currentScope('crm.leads:update'), dto.departmentId);
    const updated = await this.steps.update(id, version, (current) => {
      if (current.status === 'converted') throw CrmErrors.leadConverted(id);
      const changes: LeadChanges = { ...leadColumns(dto), ...orThrow(planStatusChange(current, dto, new Date()), current.status, dto.status) };
      if (dto.source !== undefined) changes.source = dto.source;
      if (dto.interests !== undefined) changes.interests = dto.interests;
      return { ...changes, searchText: leadSearchText({ ...current, ...changes }) };
    });
    return toLeadResponse(updated);
  }

  /** Contact merge (inside its transaction): converted leads of the duplicate now name the survivor, each an update event. */
  async reassignConvertedContact(fromContactId: string, toContactId: string): Promise<number> {
    const moved = await this.repository.reassignConvertedContact(fromContactId, toContactId);
    const changes = { convertedContactId: { before: fromContactId, after: toContactId } };
    await this.steps.publish(...moved.map(({ id }) => CRM_EVENTS.lead.updated(id, { changes })));
    return moved.length;
  }
}

/** A status decision of lead.rules.ts as columns, or its problem. */
function orThrow(result: StatusChangeResult, from = 'new', to = 'new') {
  if (result.ok) return result.fields;
  if (result.error === 'convert_via_endpoint') throw CrmErrors.convertViaEndpoint();
  if (result.error === 'lost_reason_required') throw CrmErrors.lostReasonRequired();
  throw CrmErrors.illegalTransition(from, to, result.allowed);
}
