import { definePermissions } from '@libs/auth';

/**
 * The Scheduling context's permissions; registered in src/permissions.catalogue.ts. Appointments:
 * `own` = appointments the user takes part in, owns or created; `department` = their department's
 * (and their own); `all`. Availability (working hours, absences) of a consultant follows the same
 * scopes on the consultant's rows.
 */
export const schedulingPermissions = definePermissions('scheduling', {
  'scheduling.appointments:read': { de: 'Termine ansehen, exportieren und als Kalender abonnieren', en: 'View, export and subscribe to appointments' },
  'scheduling.appointments:create': { de: 'Termine buchen', en: 'Book appointments' },
  'scheduling.appointments:update': { de: 'Termine ändern, verschieben, ihren Status setzen und Kunden-Links erzeugen', en: 'Change, reschedule and set the status of appointments and create customer links' },
  'scheduling.appointments:delete': { de: 'Termine löschen und wiederherstellen', en: 'Delete and restore appointments' },
  'scheduling.appointments:override-hours': { de: 'Termine außerhalb der Arbeitszeit buchen', en: 'Book appointments outside working hours' },
  'scheduling.availability:read': { de: 'Arbeitszeiten, Abwesenheiten und freie Termine ansehen', en: 'View working hours, absences and free slots' },
  'scheduling.availability:manage': { de: 'Arbeitszeiten und Abwesenheiten pflegen', en: 'Maintain working hours and absences' },
});

export type SchedulingPermission = (typeof schedulingPermissions.keys)[number];
