import { Injectable } from '@nestjs/common';
import { currentScope } from '@libs/auth';
import { AppError } from '@libs/http';
import { decodeCursor, encodeCursor, INVALID_CURSOR, Page } from '@libs/pagination';
import { AuditLogReader } from '../../audit';
import { ActivitiesService } from '../activities/activities.service';
import { toActivityResponse } from '../activities/activity.mapper';
import { CompaniesService } from '../companies/companies.service';
import { ContactsService } from '../contacts/contacts.service';
import { CRM_EVENTS } from '../crm.events';
import { LeadsService } from '../leads/leads.service';
import { TimelineItemDto, TimelineQueryDto } from './timeline.dto';
import { boundFor, mergeTimeline, TimelineEntry, TimelinePosition, TimelineSubject } from './timeline.rules';

export type TimelineSubjectKind = 'lead' | 'contact' | 'company';

/**
 * `GET /{leads|contacts|companies}/{id}/timeline`: the subject's activities and its recorded
 * changes (the audit context's AuditLogReader facade), newest first, keyset-paginated across both.
 * A contact's timeline includes the history of the contacts merged into it. Needs read access to the
 * subject; activities appear as the activity list would show them to the reader (within their
 * crm.activities:read scope; none without it).
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly leads: LeadsService,
    private readonly contacts: ContactsService,
    private readonly companies: CompaniesService,
    private readonly auditLog: AuditLogReader,
  ) {}

  async timeline(subject: TimelineSubjectKind, id: string, query: TimelineQueryDto): Promise<Page<TimelineItemDto>> {
    const entityIds = await this.visibleEntityIds(subject, id);
    const cursor = query.cursor ? parseCursor(query.cursor) : undefined;
    const activitySubject: TimelineSubject =
      subject === 'lead' ? { leadIds: [id] } : subject === 'contact' ? { contactIds: entityIds } : { companyIds: [id] };

    const activityRows = await this.activities.timeline(activitySubject, boundFor('activity', cursor), query.limit + 1);
    const changeRows = await this.auditLog.entries(CRM_EVENTS[subject].created.aggregateType, entityIds, boundFor('change', cursor), query.limit + 1);
    const { items, next } = mergeTimeline(
      activityRows.map((row) => ({ position: { occurredAt: row.sortKey, kind: 'activity' as const, id: row.id }, value: row })),
      changeRows.map((row) => ({ position: { occurredAt: row.occurredAt, kind: 'change' as const, id: row.id }, value: row })),
      query.limit,
    );
    return {
      items: items.map((entry): TimelineItemDto => {
        if (entry.position.kind === 'activity') {
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
  private async visibleEntityIds(subject: TimelineSubjectKind, id: string): Promise<string[]> {
    const service = subject === 'lead' ? this.leads : subject === 'contact' ? this.contacts : this.companies;
    await service.steps.find(id, currentScope(service.steps.permissions.read));
    return subject === 'contact' ? [id, ...(await this.contacts.mergedInto(id))] : [id];
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
