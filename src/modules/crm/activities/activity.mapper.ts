import type { Snapshot } from '../crm.events';
import type { ActivityResponseDto } from './activity.dto';
import type { Activity } from './activities.schema';

export function toActivityResponse(activity: Activity): ActivityResponseDto {
  return {
    id: activity.id,
    version: activity.version,
    type: activity.type,
    direction: activity.direction,
    subject: activity.subject,
    body: activity.body,
    occurredAt: activity.occurredAt,
    durationMinutes: activity.durationMinutes,
    leadId: activity.leadId,
    contactId: activity.contactId,
    companyId: activity.companyId,
    ownerId: activity.ownerId,
    departmentId: activity.departmentId,
    createdAt: activity.createdAt,
    updatedAt: activity.updatedAt,
    createdBy: activity.createdBy,
    updatedBy: activity.updatedBy,
    deletedAt: activity.deletedAt,
  };
}

export const ACTIVITY_AUDITED_FIELDS = [
  'type',
  'direction',
  'subject',
  'body',
  'occurredAt',
  'durationMinutes',
  'leadId',
  'contactId',
  'companyId',
  'ownerId',
  'departmentId',
] as const satisfies readonly (keyof Activity)[];

export function activitySnapshot(activity: Activity): Snapshot {
  return Object.fromEntries(ACTIVITY_AUDITED_FIELDS.map((field) => [field, activity[field]]));
}
