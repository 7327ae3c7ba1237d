import { GrantsCache, parseGrantList } from './grants-cache';

describe('parseGrantList', () => {
  it('reads the entries of the principal statement', () => {
    expect(parseGrantList('crm.leads:read=department,crm.leads:read=own,auth.users:read=all')).toEqual([
      { permission: 'crm.leads:read', scope: 'department' },
      { permission: 'crm.leads:read', scope: 'own' },
      { permission: 'auth.users:read', scope: 'all' },
    ]);
    expect(parseGrantList('')).toEqual([]);
  });

  it.each(['crm.leads:read', 'crm.leads:read=everything', '=all'])('refuses %j', (list) => expect(() => parseGrantList(list)).toThrow(/malformed/));
});

describe('GrantsCache', () => {
  it('merges to the widest scope, adds the baseline grants and freezes the result', () => {
    const grants = new GrantsCache().grantsOf('crm.leads:read=department,crm.leads:read=own');
    expect(grants).toMatchObject({ 'crm.leads:read': 'department', 'auth.profile:read': 'own' });
    expect(Object.isFrozen(grants)).toBe(true);
  });

  it('answers the same list with the same object and another list with other grants', () => {
    const cache = new GrantsCache();
    const first = cache.grantsOf('crm.leads:read=all');
    expect(cache.grantsOf('crm.leads:read=all')).toBe(first);
    expect(cache.grantsOf('crm.leads:read=own')['crm.leads:read']).toBe('own');
  });
});
