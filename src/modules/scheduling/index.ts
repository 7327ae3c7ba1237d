// The Scheduling context's public surface: what other contexts, the app and seeds may use.
export { SchedulingModule } from './scheduling.module';
export { SCHEDULING_EVENTS } from './scheduling.events';
export type {
  AppointmentBookedV1,
  AppointmentCancelledV1,
  AppointmentCompletedV1,
  AppointmentConfirmedV1,
  AppointmentFactsV1,
  AppointmentReminderDueV1,
  AppointmentRescheduledV1,
} from './scheduling.events';
export { SchedulingQueries } from './scheduling.queries';
export type { AppointmentResponseDto as SchedulingAppointment } from './appointments/appointment.dto';
export { schedulingPermissions } from './scheduling.permissions';
export type { SchedulingPermission } from './scheduling.permissions';
