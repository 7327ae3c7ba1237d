import type { CsvColumn } from '@libs/csv';
import type { Activity } from './activities.schema';

export const ACTIVITY_EXPORT_COLUMNS: readonly CsvColumn<Activity>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'created_at', value: (a) => a.createdAt },
  { header: 'type', value: (a) => a.type },
  { header: 'direction', value: (a) => a.direction },
  { header: 'subject', value: (a) => a.subject },
  { header: 'body', value: (a) => a.body },
  { header: 'occurred_at', value: (a) => a.occurredAt },
  { header: 'duration_minutes', value: (a) => a.durationMinutes },
  { header: 'lead_id', value: (a) => a.leadId },
  { header: 'contact_id', value: (a) => a.contactId },
  { header: 'company_id', value: (a) => a.companyId },
  { header: 'owner_id', value: (a) => a.ownerId },
  { header: 'department_id', value: (a) => a.departmentId },
  { header: 'deleted_at', value: (a) => a.deletedAt },
];
