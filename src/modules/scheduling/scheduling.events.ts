import { ChangesPayload, defineEvents, payload, resourceEvents } from '@libs/events';

/** What every appointment event carries besides its own fields. */
export interface AppointmentFactsV1 {
  kind: string;
  status: string;
  /** ISO 8601 UTC. */
  startsAt: string;
  endsAt: string;
  consultantIds: string[];
  contactId: string | null;
  projectId: string | null;
  leadId: string | null;
}

/** `scheduling.appointment.booked`: a new appointment holds the consultants' time. */
export interface AppointmentBookedV1 extends AppointmentFactsV1 {
  title: string;
  outsideWorkingHours: boolean;
}

/** `scheduling.appointment.rescheduled`: start, end or consultants moved. */
export interface AppointmentRescheduledV1 extends AppointmentFactsV1, ChangesPayload {
  previousStartsAt: string;
  previousEndsAt: string;
  /** `customer` when the customer picked an offered alternative. */
  by: 'staff' | 'customer';
}

/** `scheduling.appointment.cancelled` (also `no_show`, see `status`). */
export interface AppointmentCancelledV1 extends AppointmentFactsV1 {
  reason: string | null;
  by: 'staff' | 'customer';
}

/** `scheduling.appointment.completed`: projects moves a linked project to `surveyed` after an on-site visit. */
export type AppointmentCompletedV1 = AppointmentFactsV1;

/** `scheduling.appointment.confirmed`. */
export interface AppointmentConfirmedV1 extends AppointmentFactsV1 {
  by: 'staff' | 'customer';
}

/** `scheduling.appointment.reminder_due`: `leadMinutes` before the start (once per appointment, lead time and start). */
export interface AppointmentReminderDueV1 extends AppointmentFactsV1 {
  leadMinutes: number;
  language: string;
}

export const SCHEDULING_EVENTS = defineEvents('scheduling', {
  appointment: {
    ...resourceEvents(),
    booked: payload<AppointmentBookedV1>(),
    rescheduled: payload<AppointmentRescheduledV1>(),
    confirmed: payload<AppointmentConfirmedV1>(),
    cancelled: payload<AppointmentCancelledV1>(),
    completed: payload<AppointmentCompletedV1>(),
    reminderDue: payload<AppointmentReminderDueV1>(),
  },
  workingHours: resourceEvents(),
  absence: resourceEvents(),
});
