import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { AppointmentFactsV1 } from '../scheduling.events';
import type { AppointmentLocationDto, AppointmentResponseDto } from './appointment.dto';
import type { Appointment } from './appointments.schema';

const APPOINTMENT_FIELDS = [
  'kind', 'kindSettingId', 'title', 'status', 'statusReason', 'startsAt', 'endsAt', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'outsideWorkingHours',
  'consultantIds', 'contactId', 'projectId', 'leadId', 'remoteUrl', 'notes', 'language', 'sequence', 'ownerId', 'departmentId',
] as const satisfies readonly (keyof Appointment)[];

const LOCATION_FIELDS = ['locationStreet', 'locationPostalCode', 'locationCity'] as const;

/** What events and the audit log record (everything but the search text and the ICS sequence). */
export const APPOINTMENT_AUDITED_FIELDS = [...APPOINTMENT_FIELDS.filter((field) => field !== 'sequence'), ...LOCATION_FIELDS];

export const APPOINTMENT_EXPORT_COLUMNS: CsvColumn<Appointment>[] = [
  ...fieldColumns<Appointment>(['id', 'createdAt', 'updatedAt', ...APPOINTMENT_FIELDS.filter((f) => f !== 'consultantIds' && f !== 'notes'), ...LOCATION_FIELDS, 'deletedAt']),
  { header: 'consultantIds', value: (row) => row.consultantIds.join('|') },
  { header: 'notesDe', value: (row) => row.notes?.de ?? '' },
  { header: 'notesEn', value: (row) => row.notes?.en ?? '' },
];

export function locationOf(row: Pick<Appointment, 'locationStreet' | 'locationPostalCode' | 'locationCity'>): AppointmentLocationDto | null {
  if (!row.locationStreet || !row.locationPostalCode || !row.locationCity) return null;
  return { street: row.locationStreet, postalCode: row.locationPostalCode, city: row.locationCity };
}

export function locationColumns(location: AppointmentLocationDto | null | undefined) {
  if (location === undefined) return {};
  return { locationStreet: location?.street ?? null, locationPostalCode: location?.postalCode ?? null, locationCity: location?.city ?? null };
}

export function toAppointmentResponse(row: Appointment): AppointmentResponseDto {
  const response = auditedPick(row, APPOINTMENT_FIELDS) as AppointmentResponseDto;
  response.location = locationOf(row);
  return response;
}

export function appointmentSearchText(row: Pick<Appointment, 'title' | 'locationCity' | 'locationPostalCode'>): string {
  return buildSearchText([row.title, row.locationCity, row.locationPostalCode]);
}

export function appointmentFacts(row: Appointment): AppointmentFactsV1 {
  return {
    kind: row.kind,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    consultantIds: row.consultantIds,
    contactId: row.contactId,
    projectId: row.projectId,
    leadId: row.leadId,
  };
}
