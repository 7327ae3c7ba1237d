import { Injectable } from '@nestjs/common';
import { AppointmentsRepository } from '../appointments/appointments.repository';
import { AbsencesRepository, WorkingHoursRepository } from '../availability/availability.repository';
import { isPublicHoliday } from '../availability/public-holidays';
import { ConsultantCalendar, withinWorkingTime } from './availability.rules';

/** Reads what the availability rules need: hours, absences and busy ranges of some consultants. */
@Injectable()
export class AvailabilityCalendars {
  constructor(
    private readonly hours: WorkingHoursRepository,
    private readonly absences: AbsencesRepository,
    private readonly appointments: AppointmentsRepository,
  ) {}

  /** The consultants' calendars over [from, to); `exceptAppointmentId` is left out of the busy ranges (a reschedule). */
  async of(consultantIds: string[], from: Date, to: Date, exceptAppointmentId?: string): Promise<ConsultantCalendar[]> {
    const [hours, absences, busy] = await Promise.all([
      this.hours.ofUsers(consultantIds),
      this.absences.ofUsersBetween(consultantIds, from, to),
      this.appointments.blockingOf(consultantIds, from, to),
    ]);
    return consultantIds.map((consultantId) => ({
      consultantId,
      hours: hours
        .filter((h) => h.userId === consultantId)
        .map((h) => ({ weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute, validFrom: h.validFrom, validTo: h.validTo, federalState: h.federalState })),
      absences: absences.filter((a) => a.userId === consultantId).map((a) => ({ start: a.startsAt.getTime(), end: a.endsAt.getTime() })),
      busy: busy
        .filter((b) => b.id !== exceptAppointmentId && b.consultantIds.includes(consultantId))
        .map((b) => ({
          start: b.startsAt.getTime() - b.bufferBeforeMinutes * 60_000,
          end: b.endsAt.getTime() + b.bufferAfterMinutes * 60_000,
          postalCode: b.locationPostalCode,
        })),
    }));
  }

  /** Whether [start, end) lies within every consultant's working time (hours, holidays, absences). */
  async withinWorkingTime(consultantIds: string[], start: Date, end: Date): Promise<boolean> {
    const dayBefore = new Date(start.getTime() - 86_400_000);
    const calendars = await this.of(consultantIds, dayBefore, new Date(end.getTime() + 86_400_000));
    return calendars.every((calendar) => withinWorkingTime(calendar, start.getTime(), end.getTime(), isPublicHoliday));
  }
}
