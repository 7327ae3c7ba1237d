import { berlinDate } from './calendar-date';

describe('berlinDate', () => {
  it('is the calendar day in Germany, across midnight and both DST switches', () => {
    expect(berlinDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(berlinDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(berlinDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(berlinDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(berlinDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(berlinDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
  });
});
