import type { AppointmentStatus } from './appointments.schema';

/** The appointment lifecycle as data: completed, cancelled and no_show are final. */
export const APPOINTMENT_TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  tentative: ['confirmed', 'cancelled'],
  confirmed: ['completed', 'cancelled', 'no_show'],
  completed: [],
  cancelled: [],
  no_show: [],
};

/** Shortest and longest appointment (minutes); the slot search uses the same bounds. */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 600;

export function isOpenStatus(status: AppointmentStatus): boolean {
  return status === 'tentative' || status === 'confirmed';
}

/** Whether the participant rows of an appointment in this state block the consultants' time. */
export function blocksTime(status: AppointmentStatus, deleted: boolean): boolean {
  return !deleted && status !== 'cancelled';
}

export type AppointmentStatusPlan =
  | { ok: true; changed: false }
  | { ok: true; changed: true; status: AppointmentStatus; reason: string | null }
  | { ok: false; error: 'illegal_transition'; allowed: readonly AppointmentStatus[] }
  | { ok: false; error: 'reason_required' };

/** The move to `to`, or why not: the same status again changes nothing; cancelled and no_show need a reason. */
export function planAppointmentStatus(current: AppointmentStatus, to: AppointmentStatus, reason: string | null | undefined): AppointmentStatusPlan {
  if (current === to) return { ok: true, changed: false };
  if (!APPOINTMENT_TRANSITIONS[current].includes(to)) return { ok: false, error: 'illegal_transition', allowed: APPOINTMENT_TRANSITIONS[current] };
  const trimmed = reason?.trim() || null;
  if ((to === 'cancelled' || to === 'no_show') && !trimmed) return { ok: false, error: 'reason_required' };
  return { ok: true, changed: true, status: to, reason: trimmed };
}

/** The half-open range `[start - before, end + after)` a participant is blocked for, as tstzrange text. */
export function busyRange(startsAt: Date, endsAt: Date, bufferBeforeMinutes: number, bufferAfterMinutes: number): string {
  const from = new Date(startsAt.getTime() - bufferBeforeMinutes * 60_000);
  const to = new Date(endsAt.getTime() + bufferAfterMinutes * 60_000);
  return `[${from.toISOString()},${to.toISOString()})`;
}

/** Field problems of a start/end pair: a year 2000–2100 (holiday tables are per year), end after start, a duration within bounds. */
export function timeProblems(startsAt: Date, endsAt: Date): { path: string; message: string }[] {
  const year = startsAt.getUTCFullYear();
  if (!(year >= 2000 && year <= 2100)) return [{ path: 'startsAt', message: 'startsAt lies between the years 2000 and 2100' }];
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (!(minutes > 0)) return [{ path: 'endsAt', message: 'endsAt must be after startsAt' }];
  if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
    return [{ path: 'endsAt', message: `an appointment lasts ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} minutes` }];
  }
  return [];
}
