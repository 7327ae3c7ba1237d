import { changesFromEvent } from './audit-log.rules';

describe('changesFromEvent', () => {
  it('takes the changes of an update as they are', () => {
    const changes = { name: { before: 'A', after: 'B' }, departmentId: { before: null, after: 'x' } };
    expect(changesFromEvent('auth.user.updated', { changes })).toEqual(changes);
  });

  it('turns the snapshot of a create into changes from nothing, and of a delete into changes to nothing', () => {
    const snapshot = { key: 'sales', name: { de: 'Vertrieb', en: 'Sales' } };
    expect(changesFromEvent('auth.role.created', { snapshot })).toEqual({
      key: { before: null, after: 'sales' },
      name: { before: null, after: { de: 'Vertrieb', en: 'Sales' } },
    });
    expect(changesFromEvent('auth.role.deleted', { snapshot })).toEqual({
      key: { before: 'sales', after: null },
      name: { before: { de: 'Vertrieb', en: 'Sales' }, after: null },
    });
  });

  it('records nothing for payloads without changes or snapshot, or with malformed changes', () => {
    expect(changesFromEvent('auth.user.logged_in', { sessionId: 'x' })).toBeNull();
    expect(changesFromEvent('auth.user.updated', { changes: { name: 'B' } })).toBeNull();
    expect(changesFromEvent('auth.user.updated', { changes: [] })).toBeNull();
  });

  it('returns plain JSON: dates become ISO strings, undefined members disappear', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(changesFromEvent('x.y.updated', { changes: { at: { before: at, after: undefined } } })).toEqual({
      at: { before: '2026-01-01T00:00:00.000Z', after: null },
    });
  });
});
