import { conditionsHold, failedConditions, valueAt } from './conditions.rules';
import type { TriggerEvent } from './workflow-definition';

const event: TriggerEvent = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  type: 'crm.lead.created',
  aggregateType: 'lead',
  aggregateId: '0190a0a0-0000-7000-8000-000000000002',
  actorId: null,
  occurredAt: '2026-12-01T10:00:00.000Z',
  payload: { snapshot: { source: 'website_form', interests: ['heat_pump', 'windows'], yearBuilt: 1968, email: 'Anna@Example.de', assigneeId: null } },
};

describe('workflow conditions', () => {
  it('reads dot paths and nothing from the prototype', () => {
    expect(valueAt(event, 'payload.snapshot.source')).toBe('website_form');
    expect(valueAt(event, 'aggregateId')).toBe(event.aggregateId);
    expect(valueAt(event, 'payload.snapshot.missing.deeper')).toBeUndefined();
    expect(valueAt(event, 'payload.constructor')).toBeUndefined();
  });

  it.each([
    [{ path: 'payload.snapshot.source', op: 'eq', value: 'website_form' }, true],
    [{ path: 'payload.snapshot.source', op: 'eq', value: 'phone' }, false],
    [{ path: 'payload.snapshot.source', op: 'ne', value: 'phone' }, true],
    [{ path: 'payload.snapshot.source', op: 'in', value: ['phone', 'website_form'] }, true],
    [{ path: 'payload.snapshot.source', op: 'notIn', value: ['phone', 'website_form'] }, false],
    [{ path: 'payload.snapshot.yearBuilt', op: 'lt', value: 1977 }, true],
    [{ path: 'payload.snapshot.yearBuilt', op: 'gte', value: 1977 }, false],
    [{ path: 'payload.snapshot.yearBuilt', op: 'gt', value: '1900' }, false],
    [{ path: 'occurredAt', op: 'gte', value: '2026-12-01' }, true],
    [{ path: 'payload.snapshot.interests', op: 'contains', value: 'heat_pump' }, true],
    [{ path: 'payload.snapshot.interests', op: 'contains', value: 'insulation' }, false],
    [{ path: 'payload.snapshot.email', op: 'contains', value: 'example.de' }, true],
    [{ path: 'payload.snapshot.email', op: 'startsWith', value: 'anna' }, true],
    [{ path: 'payload.snapshot.assigneeId', op: 'notExists' }, true],
    [{ path: 'payload.snapshot.assigneeId', op: 'eq', value: null }, true],
    [{ path: 'payload.snapshot.nothing', op: 'eq', value: null }, true],
    [{ path: 'payload.snapshot.source', op: 'exists' }, true],
  ] as const)('%j → %s', (condition, expected) => {
    expect(conditionsHold([condition as never], event)).toBe(expected);
  });

  it('needs every condition; an empty list always holds; explains which failed', () => {
    const pass = { path: 'payload.snapshot.source', op: 'eq', value: 'website_form' } as const;
    const fail = { path: 'payload.snapshot.yearBuilt', op: 'gt', value: 2000 } as const;
    expect(conditionsHold([], event)).toBe(true);
    expect(conditionsHold([pass, fail], event)).toBe(false);
    expect(failedConditions([pass, fail], event)).toEqual([fail]);
  });
});
