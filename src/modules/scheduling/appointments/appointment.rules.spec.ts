import { blocksTime, busyRange, planAppointmentStatus, timeProblems } from './appointment.rules';

describe('appointment rules', () => {
  it('moves tentative → confirmed → completed, and not back', () => {
    expect(planAppointmentStatus('tentative', 'confirmed', null)).toEqual({ ok: true, changed: true, status: 'confirmed', reason: null });
    expect(planAppointmentStatus('confirmed', 'completed', null)).toMatchObject({ ok: true, changed: true });
    expect(planAppointmentStatus('completed', 'confirmed', null)).toEqual({ ok: false, error: 'illegal_transition', allowed: [] });
    expect(planAppointmentStatus('tentative', 'completed', null)).toMatchObject({ ok: false, error: 'illegal_transition' });
    expect(planAppointmentStatus('confirmed', 'confirmed', null)).toEqual({ ok: true, changed: false });
  });

  it('needs a reason to cancel or record a no-show', () => {
    expect(planAppointmentStatus('confirmed', 'cancelled', '  ')).toEqual({ ok: false, error: 'reason_required' });
    expect(planAppointmentStatus('confirmed', 'no_show', undefined)).toEqual({ ok: false, error: 'reason_required' });
    expect(planAppointmentStatus('tentative', 'cancelled', ' krank ')).toEqual({ ok: true, changed: true, status: 'cancelled', reason: 'krank' });
  });

  it('blocks the buffered range, half-open', () => {
    expect(busyRange(new Date('2027-03-01T09:00:00Z'), new Date('2027-03-01T10:30:00Z'), 30, 15)).toBe('[2027-03-01T08:30:00.000Z,2027-03-01T10:45:00.000Z)');
    expect(blocksTime('cancelled', false)).toBe(false);
    expect(blocksTime('confirmed', true)).toBe(false);
    expect(blocksTime('completed', false)).toBe(true);
  });

  it('bounds the duration', () => {
    const start = new Date('2027-03-01T09:00:00Z');
    expect(timeProblems(start, new Date('2027-03-01T09:00:00Z'))).toHaveLength(1);
    expect(timeProblems(start, new Date('2027-03-01T09:10:00Z'))).toHaveLength(1);
    expect(timeProblems(start, new Date('2027-03-01T19:01:00Z'))).toHaveLength(1);
    expect(timeProblems(start, new Date('2027-03-01T10:30:00Z'))).toEqual([]);
    expect(timeProblems(new Date('+020000-01-01T09:00:00Z'), new Date('+020000-01-01T10:00:00Z'))).toEqual([{ path: 'startsAt', message: expect.any(String) }]);
  });
});
