import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentGrant, currentScope, defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { pick, pickDefined, referenceNotFound, ResourceDefinition, ResourceService, resourcePermissions } from '@libs/resource';
import { CompaniesService } from '../companies/companies.service';
import { ContactsService } from '../contacts/contacts.service';
import { CrmErrors } from '../crm.errors';
import { CRM_EVENTS } from '../crm.events';
import { LeadsService } from '../leads/leads.service';
import type { TimelineBound, TimelineSubject } from '../timeline/timeline.rules';
import { ActivityResponseDto, CreateActivityDto, UpdateActivityDto } from './activity.dto';
import { ACTIVITY_AUDITED_FIELDS, toActivityResponse } from './activity.mapper';
import { ActivitiesRepository, ActivityFilters } from './activities.repository';
import type { activities, Activity } from './activities.schema';

const ACTIVITY: ResourceDefinition<Activity> = {
  name: 'activity',
  code: 'CRM_ACTIVITY',
  permissions: resourcePermissions('crm.activities'),
  events: CRM_EVENTS.activity,
  auditedFields: ACTIVITY_AUDITED_FIELDS,
};

@Injectable()
export class ActivitiesService extends ResourceService<typeof activities, ActivityFilters, ActivityResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: ActivitiesRepository,
    @Inject(forwardRef(() => LeadsService)) private readonly leads: LeadsService,
    @Inject(forwardRef(() => ContactsService)) private readonly contacts: ContactsService,
    private readonly companies: CompaniesService,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, ACTIVITY, toActivityResponse);
  }

  /** Records an activity on the timelines of its subjects; each subject must be visible to the actor. */
  async create(dto: CreateActivityDto): Promise<ActivityResponseDto> {
    const scope = currentScope('crm.activities:create');
    if (!dto.leadId && !dto.contactId && !dto.companyId) throw CrmErrors.activitySubjectRequired();
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    return this.steps.transaction(async () => {
      await this.assertSubjectsVisible(dto);
      const activity = await this.steps.insert({
        ...pick(dto, ['type', 'subject']),
        direction: dto.direction ?? null,
        body: dto.body ?? null,
        occurredAt: dto.occurredAt ?? new Date(),
        durationMinutes: dto.durationMinutes ?? null,
        leadId: dto.leadId ?? null,
        contactId: dto.contactId ?? null,
        companyId: dto.companyId ?? null,
        ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId,
        departmentId,
      });
      return toActivityResponse(activity);
    });
  }

  async update(id: string, version: number, dto: UpdateActivityDto): Promise<ActivityResponseDto> {
    return toActivityResponse(await this.steps.update(id, version, () => pickDefined(dto)));
  }

  /**
   * The timeline's activities of a subject whose visibility the caller checked: only those within
   * the reader's activity scope (none without crm.activities:read), as the list would show them.
   */
  timeline(subject: TimelineSubject, bound: TimelineBound | undefined, limit: number): Promise<(Activity & { sortKey: string })[]> {
    const scope = currentGrant('crm.activities:read');
    return scope ? this.repository.timeline(subject, scope, bound, limit) : Promise.resolve([]);
  }

  /** Contact merge (inside its transaction): the duplicate's activities move to the survivor, each an update event. */
  async reassignContact(fromContactId: string, toContactId: string): Promise<number> {
    const moved = await this.repository.reassignContact(fromContactId, toContactId);
    const changes = { contactId: { before: fromContactId, after: toContactId } };
    await this.steps.publish(...moved.map(({ id }) => CRM_EVENTS.activity.updated(id, { changes })));
    return moved.length;
  }

  private async assertSubjectsVisible(dto: CreateActivityDto): Promise<void> {
    if (dto.leadId && !(await this.leads.readable(dto.leadId))) throw referenceNotFound('leadId', 'lead');
    if (dto.contactId && !(await this.contacts.readable(dto.contactId))) throw referenceNotFound('contactId', 'contact');
    if (dto.companyId && !(await this.companies.readable(dto.companyId))) throw referenceNotFound('companyId', 'company');
  }
}
