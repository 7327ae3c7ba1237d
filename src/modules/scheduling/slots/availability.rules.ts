import { DateTime } from 'luxon';

export const ZONE = 'Europe/Berlin';
/** Slots start on the quarter hour (local time). */
export const SLOT_STEP_MINUTES = 15;

export interface Interval {
  start: number; // epoch ms
  end: number;
}

export interface WeeklyHours {
  weekday: number; // 1 = Monday … 7 = Sunday
  startMinute: number;
  endMinute: number;
  validFrom: string; // YYYY-MM-DD
  validTo: string | null;
  federalState: string;
}

export interface ConsultantCalendar {
  consultantId: string;
  hours: readonly WeeklyHours[];
  absences: readonly Interval[];
  /** Buffered ranges of the consultant's active appointments, with their postcode if any. */
  busy: readonly (Interval & { postalCode: string | null })[];
}

export interface SlotQuery {
  fromDate: string; // local dates, inclusive
  toDate: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  now: number;
}

export interface Slot {
  consultantId: string;
  start: number;
  end: number;
}

/** Local dates from `from` to `to` inclusive (the caller bounds the span). */
export function localDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = DateTime.fromISO(from, { zone: ZONE }); day.toISODate()! <= to; day = day.plus({ days: 1 })) dates.push(day.toISODate()!);
  return dates;
}

/** The UTC instant of a local wall-clock minute on a local date (Luxon resolves DST gaps forward). */
export function localMinuteToInstant(date: string, minute: number): number {
  const midnight = DateTime.fromISO(date, { zone: ZONE });
  return midnight.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
}

function endOfWindow(date: string, endMinute: number): number {
  if (endMinute === 1440) return DateTime.fromISO(date, { zone: ZONE }).plus({ days: 1 }).toMillis();
  return localMinuteToInstant(date, endMinute);
}

/** The working windows of one local date (none on a public holiday of the hours' federal state). */
export function workingWindows(hours: readonly WeeklyHours[], date: string, isHoliday: (state: string, date: string) => boolean): Interval[] {
  const weekday = DateTime.fromISO(date, { zone: ZONE }).weekday;
  return hours
    .filter((h) => h.weekday === weekday && h.validFrom <= date && (h.validTo === null || h.validTo >= date) && !isHoliday(h.federalState, date))
    .map((h) => ({ start: localMinuteToInstant(date, h.startMinute), end: endOfWindow(date, h.endMinute) }))
    .sort((a, b) => a.start - b.start);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether [start, end) lies inside one working window of its local date and touches no absence. */
export function withinWorkingTime(calendar: Pick<ConsultantCalendar, 'hours' | 'absences'>, start: number, end: number, isHoliday: (state: string, date: string) => boolean): boolean {
  const date = DateTime.fromMillis(start, { zone: ZONE }).toISODate()!;
  const inWindow = workingWindows(calendar.hours, date, isHoliday).some((w) => w.start <= start && end <= w.end);
  return inWindow && !calendar.absences.some((a) => overlaps(a, { start, end }));
}

/**
 * Free slots: per local date and consultant, the quarter-hour starts inside a working window where
 * the appointment fits, touches no absence, and its buffered range meets no busy range. Work is
 * bounded by dates × consultants × (windows' quarter hours + busy ranges of the day); the caller
 * bounds dates, consultants and duration.
 */
export function freeSlots(calendars: readonly ConsultantCalendar[], query: SlotQuery, isHoliday: (state: string, date: string) => boolean): Slot[] {
  const slots: Slot[] = [];
  const duration = query.durationMinutes * 60_000;
  const before = query.bufferBeforeMinutes * 60_000;
  const after = query.bufferAfterMinutes * 60_000;
  for (const date of localDates(query.fromDate, query.toDate)) {
    for (const calendar of calendars) {
      for (const window of workingWindows(calendar.hours, date, isHoliday)) {
        const busy = calendar.busy.filter((b) => overlaps(b, { start: window.start - before, end: window.end + after }));
        const absent = calendar.absences.filter((a) => overlaps(a, window));
        for (let start = window.start; start + duration <= window.end; start += SLOT_STEP_MINUTES * 60_000) {
          if (start < query.now) continue;
          const end = start + duration;
          const buffered = { start: start - before, end: end + after };
          if (absent.some((a) => overlaps(a, { start, end })) || busy.some((b) => overlaps(b, buffered))) continue;
          slots.push({ consultantId: calendar.consultantId, start, end });
        }
      }
    }
  }
  return slots;
}

/** Great-circle distance in km between two coordinates (haversine). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
