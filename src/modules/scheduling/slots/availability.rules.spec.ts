import { ConsultantCalendar, distanceKm, freeSlots, localDates, SlotQuery, withinWorkingTime, workingWindows } from './availability.rules';

const noHolidays = () => false;
const sunday = (start: number, end: number) => ({ weekday: 7, startMinute: start, endMinute: end, validFrom: '2020-01-01', validTo: null, federalState: 'BY' });
const weekdays = (start: number, end: number, validTo: string | null = null) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: start, endMinute: end, validFrom: '2020-01-01', validTo, federalState: 'BY' }));
const iso = (ms: number) => new Date(ms).toISOString();
const query = (over: Partial<SlotQuery>): SlotQuery => ({ fromDate: '2027-03-01', toDate: '2027-03-01', durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, now: 0, ...over });
const calendar = (over: Partial<ConsultantCalendar>): ConsultantCalendar => ({ consultantId: 'c1', hours: [], absences: [], busy: [], ...over });

describe('availability rules (Europe/Berlin)', () => {
  it('puts 08:00 local at 06:00 UTC on the last Sunday of March (CEST begins) and 07:00 UTC on the last Sunday of October (CET)', () => {
    const [march] = workingWindows([sunday(480, 720)], '2027-03-28', noHolidays);
    const [october] = workingWindows([sunday(480, 720)], '2027-10-31', noHolidays);
    const [before] = workingWindows([sunday(480, 720)], '2027-03-21', noHolidays);
    expect(iso(before.start)).toBe('2027-03-21T07:00:00.000Z');
    expect(iso(march.start)).toBe('2027-03-28T06:00:00.000Z');
    expect(iso(october.start)).toBe('2027-10-31T07:00:00.000Z');
  });

  it('a night window across the switch is an hour shorter in March and an hour longer in October', () => {
    const [march] = workingWindows([sunday(0, 360)], '2027-03-28', noHolidays);
    const [october] = workingWindows([sunday(0, 360)], '2027-10-31', noHolidays);
    expect((march.end - march.start) / 3_600_000).toBe(5);
    expect((october.end - october.start) / 3_600_000).toBe(7);
    const slotsMarch = freeSlots([calendar({ hours: [sunday(0, 360)] })], query({ fromDate: '2027-03-28', toDate: '2027-03-28' }), noHolidays);
    const slotsOctober = freeSlots([calendar({ hours: [sunday(0, 360)] })], query({ fromDate: '2027-10-31', toDate: '2027-10-31' }), noHolidays);
    expect(slotsMarch).toHaveLength(17); // (5 h − 1 h) / 15 min + 1
    expect(slotsOctober).toHaveLength(25); // (7 h − 1 h) / 15 min + 1
    expect(iso(slotsMarch[0].start)).toBe('2027-03-27T23:00:00.000Z');
    expect(iso(slotsOctober.at(-1)!.end)).toBe('2027-10-31T05:00:00.000Z');
  });

  it('a working day until midnight ends at the next local midnight', () => {
    const [window] = workingWindows([sunday(1320, 1440)], '2027-10-31', noHolidays);
    expect(iso(window.end)).toBe('2027-10-31T23:00:00.000Z');
  });

  it('skips public holidays, days outside the validity and other weekdays', () => {
    const hours = weekdays(480, 1020, '2027-03-31');
    const holiday = (state: string, date: string) => state === 'BY' && date === '2027-03-26';
    const dates = localDates('2027-03-26', '2027-04-01');
    const days = dates.filter((date) => workingWindows(hours, date, holiday).length > 0);
    expect(days).toEqual(['2027-03-29', '2027-03-30', '2027-03-31']);
  });

  it('keeps busy ranges and travel buffers free and refuses absences', () => {
    const hours = weekdays(480, 720); // 08:00–12:00 local, 07:00–11:00 UTC in March
    const busy = [{ start: Date.parse('2027-03-01T08:30:00Z'), end: Date.parse('2027-03-01T09:30:00Z'), postalCode: null }];
    const slots = freeSlots([calendar({ hours, busy })], query({ bufferBeforeMinutes: 30, bufferAfterMinutes: 30 }), noHolidays);
    // 60 min + 30 before + 30 after must not touch 08:30–09:30Z: ends by 08:00Z or starts at 10:00Z.
    expect(slots.map((s) => iso(s.start).slice(11, 16))).toEqual(['07:00', '10:00']);
    const absent = freeSlots([calendar({ hours, absences: [{ start: Date.parse('2027-03-01T00:00:00Z'), end: Date.parse('2027-03-02T00:00:00Z') }] })], query({}), noHolidays);
    expect(absent).toEqual([]);
  });

  it('offers nothing in the past', () => {
    const slots = freeSlots([calendar({ hours: weekdays(480, 720) })], query({ now: Date.parse('2027-03-01T10:01:00Z') }), noHolidays);
    expect(slots).toEqual([]);
  });

  it('checks a booking against working time', () => {
    const hours = weekdays(480, 1020);
    const inside = withinWorkingTime({ hours, absences: [] }, Date.parse('2027-03-01T08:00:00Z'), Date.parse('2027-03-01T09:30:00Z'), noHolidays);
    const late = withinWorkingTime({ hours, absences: [] }, Date.parse('2027-03-01T15:30:00Z'), Date.parse('2027-03-01T16:30:00Z'), noHolidays);
    expect(inside).toBe(true);
    expect(late).toBe(false);
  });

  it('measures straight-line distances', () => {
    const munich = { latitude: 48.14, longitude: 11.58 };
    const augsburg = { latitude: 48.37, longitude: 10.9 };
    expect(distanceKm(munich, augsburg)).toBeGreaterThan(50);
    expect(distanceKm(munich, augsburg)).toBeLessThan(60);
    expect(distanceKm(munich, munich)).toBe(0);
  });
});
