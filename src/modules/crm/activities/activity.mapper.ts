import { fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import type { ActivityResponseDto } from './activity.dto';
import type { Activity } from './activities.schema';

export const ACTIVITY_AUDITED_FIELDS = [
  'type', 'direction', 'subject', 'body', 'occurredAt', 'durationMinutes', 'leadId', 'contactId', 'companyId', 'ownerId', 'departmentId',
] as const satisfies readonly (keyof Activity)[];

export const ACTIVITY_EXPORT_COLUMNS = fieldColumns<Activity>(['id', 'createdAt', ...ACTIVITY_AUDITED_FIELDS, 'deletedAt']);

export function toActivityResponse(activity: Activity): ActivityResponseDto {
  return auditedPick(activity, ACTIVITY_AUDITED_FIELDS);
}
