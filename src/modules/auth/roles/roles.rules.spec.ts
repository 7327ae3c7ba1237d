import { duplicatePermissions, ROLE_KEY_PATTERN, sortGrants, widenedGrants } from './roles.rules';

describe('role rules', () => {
  it('finds grants that an edit adds or widens', () => {
    const before = [
      { permission: 'crm.leads:read', scope: 'department' as const },
      { permission: 'crm.leads:update', scope: 'own' as const },
      { permission: 'crm.leads:delete', scope: 'all' as const },
    ];
    const after = [
      { permission: 'crm.leads:read', scope: 'all' as const }, // widened
      { permission: 'crm.leads:update', scope: 'own' as const }, // unchanged
      { permission: 'crm.contacts:read', scope: 'own' as const }, // added
    ];
    expect(widenedGrants(before, after)).toEqual([after[0], after[2]]);
    expect(widenedGrants(after, [{ permission: 'crm.leads:read', scope: 'own' }])).toEqual([]); // narrowed
  });

  it('finds duplicate permissions and sorts grants', () => {
    const grants = [
      { permission: 'b.x:y', scope: 'own' as const },
      { permission: 'a.x:y', scope: 'all' as const },
      { permission: 'b.x:y', scope: 'all' as const },
    ];
    expect(duplicatePermissions(grants)).toEqual(['b.x:y']);
    expect(sortGrants(grants.slice(0, 2)).map((g) => g.permission)).toEqual(['a.x:y', 'b.x:y']);
  });

  it('role keys are snake_case', () => {
    expect(ROLE_KEY_PATTERN.test('energy_consultant')).toBe(true);
    expect(['Admin', 'a', 'site-manager', '1st', 'x'.repeat(51)].some((key) => ROLE_KEY_PATTERN.test(key))).toBe(false);
  });
});
