import { AppError } from '@libs/http';
import { assertCanGrant, assertCanManage, missingGrants } from './grant-rules';
import type { Grants } from './scope';

const manager: Grants = { 'auth.users:read': 'department', 'auth.user-roles:assign': 'department', 'crm.leads:read': 'all' };

function thrown(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('grant escalation', () => {
  it('allows granting what the actor holds, at the same or a narrower scope', () => {
    expect(missingGrants(manager, [{ permission: 'auth.users:read', scope: 'department' }])).toEqual([]);
    expect(missingGrants(manager, [{ permission: 'auth.users:read', scope: 'own' }])).toEqual([]);
    expect(missingGrants(manager, [{ permission: 'crm.leads:read', scope: 'department' }])).toEqual([]);
    expect(() => assertCanGrant(manager, [])).not.toThrow();
  });

  it('refuses a permission the actor lacks, or holds narrower, naming each one', () => {
    const requested = [
      { permission: 'auth.users:read', scope: 'all' as const },
      { permission: 'auth.roles:update', scope: 'own' as const },
      { permission: 'crm.leads:read', scope: 'all' as const },
    ];
    expect(missingGrants(manager, requested)).toEqual(requested.slice(0, 2));
    const error = thrown(() => assertCanGrant(manager, requested));
    expect(error.getStatus()).toBe(403);
    expect(error.code).toBe('AUTH_GRANT_EXCEEDS_OWN');
    expect(error.detail).toContain('auth.users:read (all)');
    expect(error.detail).toContain('auth.roles:update (own)');
    expect(error.detail).not.toContain('crm.leads:read');
  });

  it('refuses managing an account that holds more than the actor', () => {
    const admin = [{ permission: 'auth.roles:update', scope: 'all' as const }];
    expect(thrown(() => assertCanManage(manager, admin)).code).toBe('AUTH_TARGET_EXCEEDS_OWN');
    expect(() => assertCanManage(manager, [{ permission: 'auth.users:read', scope: 'own' }])).not.toThrow();
  });
});
