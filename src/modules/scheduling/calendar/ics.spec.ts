import ICAL from 'ical.js';
import type { Appointment } from '../appointments/appointments.schema';
import { appointmentIcs, appointmentsCalendar, appointmentUid } from './ics';

const base = {
  id: '0b6f8f52-8a3c-4c0e-9d7e-0f1d2a3b4c5d',
  title: 'Vor-Ort-Termin Familie Schmidt',
  status: 'confirmed',
  startsAt: new Date('2027-03-28T07:00:00Z'), // 09:00 CEST, the day summer time begins
  endsAt: new Date('2027-03-28T08:30:00Z'),
  sequence: 2,
  updatedAt: new Date('2027-03-01T10:00:00Z'),
  locationStreet: 'Lindenstraße 12',
  locationPostalCode: '80331',
  locationCity: 'München',
  remoteUrl: null,
  notes: { de: 'Zugang über den Hof', en: 'Access through the yard' },
  language: 'de',
} as unknown as Appointment;

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  return calendar;
}

describe('appointments as iCalendar (round trip through ical.js)', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it('writes the event in Europe/Berlin with its VTIMEZONE, stable UID and SEQUENCE', () => {
    const text = appointmentIcs(base);
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(appointmentUid(base.id));
    expect(event.sequence).toBe(2);
    expect(event.summary).toBe(base.title);
    expect(event.location).toBe('Lindenstraße 12, 80331 München');
    expect(event.description).toBe('Zugang über den Hof');
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
    expect(event.startDate.toString()).toBe('2027-03-28T09:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-28T08:30:00.000Z');
    expect(text).toMatch(/DTSTAMP:20270301T100000Z/);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps the hour right after the switch back in October', () => {
    const october = { ...base, startsAt: new Date('2027-10-31T08:00:00Z'), endsAt: new Date('2027-10-31T09:00:00Z') };
    const event = new ICAL.Event(parse(appointmentIcs(october)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toString()).toBe('2027-10-31T09:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-10-31T08:00:00.000Z');
  });

  it('sends METHOD:CANCEL with STATUS:CANCELLED for a cancelled appointment, same UID, higher SEQUENCE', () => {
    const calendar = parse(appointmentIcs({ ...base, status: 'cancelled', sequence: 3 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('uid')).toBe(appointmentUid(base.id));
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('publishes a feed with one event per appointment', () => {
    const second = { ...base, id: '1c7a9a63-9b4d-4d1f-8e8f-1a2b3c4d5e6f', title: 'Telefonat', locationStreet: null };
    const calendar = parse(appointmentsCalendar([base, second], { name: 'Renewa', method: 'PUBLISH' }));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const uids = calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toEqual([appointmentUid(base.id), appointmentUid(second.id)]);
  });
});
