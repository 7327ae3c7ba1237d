import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Appointment } from '../appointments/appointments.schema';

const ZONE = 'Europe/Berlin';

/** The stable UID of an appointment's calendar event: the same across every file and feed. */
export function appointmentUid(id: string): string {
  return `${id}@scheduling.renewa`;
}

type IcsAppointment = Pick<
  Appointment,
  'id' | 'title' | 'status' | 'startsAt' | 'endsAt' | 'sequence' | 'updatedAt' | 'locationStreet' | 'locationPostalCode' | 'locationCity' | 'remoteUrl' | 'notes' | 'language'
>;

/**
 * An RFC 5545 calendar of appointments, times in Europe/Berlin with its VTIMEZONE; each event keeps
 * its UID and carries the appointment's SEQUENCE. A single cancelled appointment is a METHOD:CANCEL
 * message; a feed (`method: 'PUBLISH'`) lists cancelled ones with STATUS:CANCELLED.
 */
export function appointmentsCalendar(items: readonly IcsAppointment[], options: { name: string; method: 'PUBLISH' | 'REQUEST' | 'CANCEL' }): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Renewa', product: 'Scheduling', language: 'DE' } });
  calendar.method(ICalCalendarMethod[options.method]);
  calendar.timezone({ name: null, generator: (tz: string) => tzlib_get_ical_block(tz)[0] });
  for (const item of items) {
    const location = item.locationStreet && item.locationPostalCode && item.locationCity ? `${item.locationStreet}, ${item.locationPostalCode} ${item.locationCity}` : null;
    calendar.createEvent({
      id: appointmentUid(item.id),
      sequence: item.sequence,
      stamp: item.updatedAt,
      start: DateTime.fromJSDate(item.startsAt, { zone: ZONE }),
      end: DateTime.fromJSDate(item.endsAt, { zone: ZONE }),
      timezone: ZONE,
      summary: item.title,
      location,
      url: item.remoteUrl,
      description: item.notes ? item.notes[item.language === 'en' ? 'en' : 'de'] : null,
      status: item.status === 'cancelled' ? ICalEventStatus.CANCELLED : item.status === 'tentative' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 §3.1 ends every content line with CRLF, the last one too; ical-generator leaves it off.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** One appointment's file: METHOD:CANCEL once cancelled, else a REQUEST. */
export function appointmentIcs(item: IcsAppointment): string {
  return appointmentsCalendar([item], { name: item.title, method: item.status === 'cancelled' ? 'CANCEL' : 'REQUEST' });
}
