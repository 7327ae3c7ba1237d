import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentGrant, currentScope, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { keysetBatches, keysetPage, keysetQuery, Page } from '@libs/pagination';
import { CompaniesRepository } from '../companies/companies.repository';
import { ContactsRepository } from '../contacts/contacts.repository';
import { CrmErrors } from '../crm.errors';
import { CRM_AGGREGATES, CRM_EVENTS, crmEvent, deletionChanges } from '../crm.events';
import { LeadsRepository } from '../leads/leads.repository';
import { assertDepartmentInScope, defaultDepartment } from '../shared/crm-scope';
import { ExportActivitiesQueryDto, ActivityPageDto, ActivityResponseDto, CreateActivityDto, ListActivitiesQueryDto, UpdateActivityDto } from './activity.dto';
import { ACTIVITY_AUDITED_FIELDS, activitySnapshot, toActivityResponse } from './activity.mapper';
import { ACTIVITY_SORT_SPEC, ActivitiesRepository, ActivityChanges } from './activities.repository';
import type { Activity } from './activities.schema';

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly activities: ActivitiesRepository,
    private readonly leads: LeadsRepository,
    private readonly contacts: ContactsRepository,
    private readonly companies: CompaniesRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListActivitiesQueryDto): Promise<Page<ActivityResponseDto>> {
    const scope = currentScope('crm.activities:read');
    if (query.deleted !== 'exclude') currentScope('crm.activities:delete');
    const keyset = keysetQuery(ACTIVITY_SORT_SPEC, query);
    return keysetPage(await this.activities.list(query, scope, keyset), keyset, toActivityResponse) satisfies ActivityPageDto;
  }

  /**
   * Every activitys matching the list's filters, in its sort order, fetched in keyset batches as the CSV
   * stream is read. The scope is taken now, while the request's context is certain.
   */
  export(query: ExportActivitiesQueryDto): AsyncIterable<Activity> {
    const scope = currentScope('crm.activities:read');
    if (query.deleted !== 'exclude') currentScope('crm.activities:delete');
    return keysetBatches(ACTIVITY_SORT_SPEC, query.sort, (keyset) => this.activities.list(query, scope, keyset));
  }

  async get(id: string): Promise<ActivityResponseDto> {
    const activity = await this.activities.findById(id, currentScope('crm.activities:read'), { deleted: currentGrant('crm.activities:delete') !== undefined });
    if (!activity) throw CrmErrors.notFound('activity', id);
    return toActivityResponse(activity);
  }

  /** Records an activity on the timelines of its subjects; each subject must be visible to the actor. */
  async create(dto: CreateActivityDto): Promise<ActivityResponseDto> {
    const scope = currentScope('crm.activities:create');
    if (!dto.leadId && !dto.contactId && !dto.companyId) throw CrmErrors.activitySubjectRequired();
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    return this.txHost.withTransaction(async () => {
      await this.assertSubjectsVisible(dto);
      const activity = await this.activities.insert({
        type: dto.type,
        direction: dto.direction ?? null,
        subject: dto.subject,
        body: dto.body ?? null,
        occurredAt: dto.occurredAt ?? new Date(),
        durationMinutes: dto.durationMinutes ?? null,
        leadId: dto.leadId ?? null,
        contactId: dto.contactId ?? null,
        companyId: dto.companyId ?? null,
        ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId,
        departmentId,
      });
      await this.outbox.append(crmEvent(CRM_EVENTS.activityCreated, CRM_AGGREGATES.activity, activity.id, { snapshot: activitySnapshot(activity) }));
      return toActivityResponse(activity);
    });
  }

  async update(id: string, version: number, dto: UpdateActivityDto): Promise<ActivityResponseDto> {
    const scope = currentScope('crm.activities:update');
    return this.txHost.withTransaction(async () => {
      const current = await this.current(id, version, scope);
      const changes = Object.fromEntries(
        Object.entries({
          type: dto.type,
          direction: dto.direction,
          subject: dto.subject,
          body: dto.body,
          occurredAt: dto.occurredAt,
          durationMinutes: dto.durationMinutes,
          ownerId: dto.ownerId,
        }).filter(([, value]) => value !== undefined),
      ) as ActivityChanges;
      const updated = await this.activities.update(id, version, changes, scope);
      if (!updated) throw staleResource();
      const diff = fieldChanges(current, updated, ACTIVITY_AUDITED_FIELDS);
      if (Object.keys(diff).length > 0) await this.outbox.append(crmEvent(CRM_EVENTS.activityUpdated, CRM_AGGREGATES.activity, id, { changes: diff }));
      return toActivityResponse(updated);
    });
  }

  async remove(id: string, version: number): Promise<void> {
    const scope = currentScope('crm.activities:delete');
    await this.txHost.withTransaction(async () => {
      await this.current(id, version, scope);
      const deleted = await this.activities.setDeleted(id, true, version, scope);
      if (!deleted) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.activityDeleted, CRM_AGGREGATES.activity, id, deletionChanges(null, deleted.deletedAt)));
    });
  }

  async restore(id: string, version: number | undefined): Promise<ActivityResponseDto> {
    const scope = currentScope('crm.activities:delete');
    return this.txHost.withTransaction(async () => {
      const current = await this.activities.findById(id, scope, { deleted: true });
      if (!current) throw CrmErrors.notFound('activity', id);
      if (!current.deletedAt) throw CrmErrors.notDeleted('activity', id);
      if (version !== undefined && current.version !== version) throw staleResource();
      const restored = await this.activities.setDeleted(id, false, current.version, scope);
      if (!restored) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.activityRestored, CRM_AGGREGATES.activity, id, deletionChanges(current.deletedAt, null)));
      return toActivityResponse(restored);
    });
  }

  private async assertSubjectsVisible(dto: CreateActivityDto): Promise<void> {
    if (dto.leadId && !(await this.leads.findById(dto.leadId, currentScope('crm.leads:read')))) throw CrmErrors.referenceNotFound('leadId', 'lead');
    if (dto.contactId && !(await this.contacts.findById(dto.contactId, currentScope('crm.contacts:read')))) {
      throw CrmErrors.referenceNotFound('contactId', 'contact');
    }
    if (dto.companyId && !(await this.companies.findById(dto.companyId, currentScope('crm.companies:read')))) {
      throw CrmErrors.referenceNotFound('companyId', 'company');
    }
  }

  private async current(id: string, version: number, scope: Scope): Promise<Activity> {
    const activity = await this.activities.findById(id, scope);
    if (!activity) throw CrmErrors.notFound('activity', id);
    if (activity.version !== version) throw staleResource();
    return activity;
  }
}
