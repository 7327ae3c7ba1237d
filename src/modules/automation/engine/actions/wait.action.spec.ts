import type { TriggerEvent } from '../../workflows/workflow-definition';
import { waitUntil } from './wait.action';

const event = (payload: Record<string, unknown>): TriggerEvent => ({
  id: 'e', type: 'scheduling.appointment.booked', aggregateType: 'appointment', aggregateId: 'a', actorId: null, occurredAt: '2026-12-01T08:00:00.000Z', payload,
});
const now = new Date('2026-12-01T10:00:00.000Z');

describe('waitUntil', () => {
  it('waits a fixed delay', () => {
    expect(waitUntil({ type: 'wait', seconds: 3600 }, event({}), now).toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });

  it('waits until two days before a date of the payload', () => {
    const due = waitUntil({ type: 'wait', untilPath: 'payload.startsAt', offsetSeconds: -2 * 86_400 }, event({ startsAt: '2026-12-10T09:00:00+01:00' }), now);
    expect(due.toISOString()).toBe('2026-12-08T08:00:00.000Z');
  });

  it('goes on at once when the date is past or unreadable', () => {
    expect(waitUntil({ type: 'wait', untilPath: 'payload.startsAt', offsetSeconds: -86_400 }, event({ startsAt: '2026-12-01T12:00:00Z' }), now)).toEqual(now);
    expect(waitUntil({ type: 'wait', untilPath: 'payload.startsAt' }, event({ startsAt: 'soon' }), now)).toEqual(now);
    expect(waitUntil({ type: 'wait', untilPath: 'payload.missing' }, event({}), now)).toEqual(now);
  });
});
