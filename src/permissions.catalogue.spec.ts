import { isPermissionKey, scopeCovers } from '@libs/auth';
import { BASELINE_GRANTS, STANDARD_ROLE_KEYS, STANDARD_ROLES, standardRoleGrants } from './modules/auth';
import { unknownMatrixPermissions } from './modules/auth/roles/standard-roles';
import { PERMISSION_SETS, PERMISSIONS } from './permissions.catalogue';

describe('permission catalogue', () => {
  it('has well-formed, unique keys, each declared by the context it names', () => {
    const keys = PERMISSION_SETS.flatMap((set) => set.definitions.map((d) => d.key));
    expect(keys.filter((key) => !isPermissionKey(key))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const set of PERMISSION_SETS) for (const { key } of set.definitions) expect(key.split('.')[0]).toBe(set.context);
    expect(PERMISSIONS.keys).toHaveLength(keys.length);
  });

  it('describes every permission in German and English', () => {
    for (const { key, description } of PERMISSIONS.definitions) {
      expect([key, description.de.trim().length > 0, description.en.trim().length > 0]).toEqual([key, true, true]);
    }
  });

  it('the standard roles reference only permissions of the catalogue', () => {
    expect(unknownMatrixPermissions()).toEqual([]);
    for (const role of STANDARD_ROLE_KEYS) {
      expect(Object.keys(standardRoleGrants(role)).filter((key) => !PERMISSIONS.has(key))).toEqual([]);
    }
    expect(Object.keys(BASELINE_GRANTS).filter((key) => !PERMISSIONS.has(key))).toEqual([]);
  });

  it('admin holds every permission with scope all, so every standard role is within what admin can grant', () => {
    const admin = standardRoleGrants('admin');
    for (const key of PERMISSIONS.keys) if (!(key in BASELINE_GRANTS)) expect([key, admin[key]]).toEqual([key, 'all']);
    for (const role of STANDARD_ROLE_KEYS) {
      for (const [key, scope] of Object.entries(standardRoleGrants(role))) expect([role, key, scopeCovers(admin[key], scope)]).toEqual([role, key, true]);
    }
  });

  it('read_only only reads', () => {
    expect(Object.keys(standardRoleGrants('read_only')).every((key) => key.endsWith(':read'))).toBe(true);
  });

  it('names every standard role in both languages', () => {
    expect(STANDARD_ROLES.map((r) => r.key)).toEqual([...STANDARD_ROLE_KEYS]);
  });
});
