import { fieldChanges } from './domain-event';

interface User {
  email: string;
  name: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  tags: string[];
  address?: { city: string; zip: string };
  passwordHash: string;
}

const before: User = {
  email: 'a@example.com',
  name: null,
  active: true,
  lastLoginAt: new Date('2026-01-01T00:00:00Z'),
  tags: ['x'],
  address: { city: 'Berlin', zip: '10115' },
  passwordHash: 'old',
};

describe('fieldChanges', () => {
  it('returns only the listed fields that changed, as before/after', () => {
    const after: User = { ...before, email: 'b@example.com', active: false, passwordHash: 'new' };
    expect(fieldChanges(before, after, ['email', 'name', 'active'])).toEqual({
      email: { before: 'a@example.com', after: 'b@example.com' },
      active: { before: true, after: false },
    });
  });

  it('never reports a field that is not listed (secrets stay out)', () => {
    expect(fieldChanges(before, { ...before, passwordHash: 'new' }, ['email', 'name'])).toEqual({});
  });

  it('compares dates by time and arrays and objects by content', () => {
    const same: User = { ...before, lastLoginAt: new Date(before.lastLoginAt!.getTime()), tags: ['x'], address: { zip: '10115', city: 'Berlin' } };
    expect(fieldChanges(before, same, ['lastLoginAt', 'tags', 'address'])).toEqual({});
    const changed: User = { ...before, lastLoginAt: null, tags: ['x', 'y'], address: { city: 'Köln', zip: '50667' } };
    expect(Object.keys(fieldChanges(before, changed, ['lastLoginAt', 'tags', 'address']))).toEqual(['lastLoginAt', 'tags', 'address']);
  });

  it('records undefined as null and treats null and undefined as equal', () => {
    expect(fieldChanges(before, { ...before, address: undefined }, ['address'])).toEqual({
      address: { before: { city: 'Berlin', zip: '10115' }, after: null },
    });
    expect(fieldChanges({ ...before, address: undefined }, { ...before, address: null as never }, ['address'])).toEqual({});
    expect(fieldChanges(before, { ...before, name: 'Ada' }, ['name'])).toEqual({ name: { before: null, after: 'Ada' } });
  });
});
