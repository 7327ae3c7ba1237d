import { grantRows, mergeGrants, scopeCovers, widerScope } from './scope';

describe('scopes', () => {
  it('orders own < department < all', () => {
    expect(scopeCovers('all', 'department')).toBe(true);
    expect(scopeCovers('department', 'own')).toBe(true);
    expect(scopeCovers('own', 'own')).toBe(true);
    expect(scopeCovers('own', 'department')).toBe(false);
    expect(scopeCovers('department', 'all')).toBe(false);
    expect(scopeCovers(undefined, 'own')).toBe(false);
    expect(widerScope('own', 'all')).toBe('all');
    expect(widerScope('department', 'own')).toBe('department');
  });

  it('merges the grants of several roles: the widest scope wins', () => {
    const sales = [
      { permission: 'crm.leads:read', scope: 'own' as const },
      { permission: 'crm.leads:update', scope: 'own' as const },
    ];
    const manager = [
      { permission: 'crm.leads:read', scope: 'department' as const },
      { permission: 'auth.users:read', scope: 'department' as const },
    ];
    const readOnly = [{ permission: 'crm.leads:read', scope: 'all' as const }];
    expect(mergeGrants(sales, manager)).toEqual({
      'crm.leads:read': 'department',
      'crm.leads:update': 'own',
      'auth.users:read': 'department',
    });
    expect(mergeGrants(readOnly, sales, manager)['crm.leads:read']).toBe('all');
    expect(mergeGrants(sales, readOnly)['crm.leads:read']).toBe('all');
    expect(mergeGrants()).toEqual({});
  });

  it('lists grants sorted by permission', () => {
    expect(grantRows({ 'b.x:y': 'own', 'a.x:y': 'all' })).toEqual([
      { permission: 'a.x:y', scope: 'all' },
      { permission: 'b.x:y', scope: 'own' },
    ]);
  });
});
