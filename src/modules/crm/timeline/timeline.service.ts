import { Injectable } from '@nestjs/common';
import { currentGrant, currentScope } from '@libs/auth';
import { decodeCursor, encodeCursor, INVALID_CURSOR } from '@libs/pagination';
import { AppError } from '@libs/http';
import { ActivitiesRepository, TimelineSubject } from '../activities/activities.repository';
import { toActivityResponse } from '../activities/activity.mapper';
import { CompaniesRepository } from '../companies/companies.repository';
import { ContactsRepository } from '../contacts/contacts.repository';
import { CrmErrors } from '../crm.errors';
import { CRM_AGGREGATES } from '../crm.events';
import { LeadsRepository } from '../leads/leads.repository';
import { AuditLogReader } from '../../audit';
import { TimelinePageDto, TimelineQueryDto } from './timeline.dto';
import { boundFor, mergeTimeline, TimelineEntry, TimelinePosition } from './timeline.rules';

type Subject = 'lead' | 'contact' | 'company';

/**
 * `GET /{leads|contacts|companies}/{id}/timeline`: the subject's activities and its recorded
 * changes (the audit context's AuditLogReader facade), newest first, keyset-paginated across both. A contact's timeline includes
 * the history of the contacts merged into it. Needs read access to the subject; activities are
 * included when the actor may read activities (crm.activities:read), else only the changes.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly leads: LeadsRepository,
    private readonly contacts: ContactsRepository,
    private readonly companies: CompaniesRepository,
    private readonly auditLog: AuditLogReader,
  ) {}

  async timeline(subject: Subject, id: string, query: TimelineQueryDto): Promise<TimelinePageDto> {
    const withActivities = currentGrant('crm.activities:read') !== undefined;
    const entityIds = await this.visibleEntityIds(subject, id);
    const cursor = query.cursor ? parseCursor(query.cursor) : undefined;
    const activitySubject: TimelineSubject =
      subject === 'lead' ? { leadIds: [id] } : subject === 'contact' ? { contactIds: entityIds } : { companyIds: [id] };

    const activityRows = withActivities ? await this.activities.timeline(activitySubject, boundFor('activity', cursor), query.limit + 1) : [];
    const changeRows = await this.auditLog.entries(CRM_AGGREGATES[subject], entityIds, boundFor('change', cursor), query.limit + 1);
    const { items, next } = mergeTimeline(
      activityRows.map((row) => ({ position: { occurredAt: row.sortKey, kind: 'activity' as const, id: row.id }, value: row })),
      changeRows.map((row) => ({ position: { occurredAt: row.occurredAt, kind: 'change' as const, id: row.id }, value: row })),
      query.limit,
    );
    return {
      items: items.map((entry) => {
        const { position } = entry;
        if (position.kind === 'activity') {
          const activity = (entry as TimelineEntry<(typeof activityRows)[number]>).value;
          return { kind: 'activity', id: activity.id, occurredAt: activity.occurredAt, activity: toActivityResponse(activity), change: null };
        }
        const { id: changeId, occurredAt, ...change } = (entry as TimelineEntry<(typeof changeRows)[number]>).value;
        return { kind: 'change', id: changeId, occurredAt: new Date(occurredAt), activity: null, change };
      }),
      nextCursor: next ? encodeCursor([next.occurredAt, next.kind, next.id]) : null,
    };
  }

  /** The subject's id (plus merged contacts' ids) if the actor may read it; 404 otherwise. */
  private async visibleEntityIds(subject: Subject, id: string): Promise<string[]> {
    if (subject === 'lead') {
      if (!(await this.leads.findById(id, currentScope('crm.leads:read')))) throw CrmErrors.notFound('lead', id);
      return [id];
    }
    if (subject === 'company') {
      if (!(await this.companies.findById(id, currentScope('crm.companies:read')))) throw CrmErrors.notFound('company', id);
      return [id];
    }
    if (!(await this.contacts.findById(id, currentScope('crm.contacts:read')))) throw CrmErrors.notFound('contact', id);
    return [id, ...(await this.contacts.mergedInto(id))];
  }
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCursor(cursor: string): TimelinePosition {
  const [occurredAt, kind, id] = decodeCursor(cursor, ['string', 'string', 'string'] as const);
  if (!ISO_MICROS.test(occurredAt) || (kind !== 'activity' && kind !== 'change') || !UUID.test(id)) {
    throw AppError.badRequest(INVALID_CURSOR, 'The cursor belongs to another list; start again without it.');
  }
  return { occurredAt, kind, id };
}
