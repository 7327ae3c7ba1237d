import { createPermissionCatalogue, definePermissions, isPermissionKey } from './permissions';

const text = { de: 'x', en: 'x' };

describe('permission declarations', () => {
  it.each(['crm.leads:read', 'auth.users:reset-password', 'platform.dead-letters:replay', 'auth.user-roles:assign'])(
    'accepts %s',
    (key) => expect(isPermissionKey(key)).toBe(true),
  );

  it.each(['crm.leads.read', 'crm:read', 'CRM.leads:read', 'crm.leads:', 'crm.leads:read:all', 'crm.leads-:read', 'crm..leads:read', ' crm.leads:read'])(
    'rejects %j',
    (key) => expect(isPermissionKey(key)).toBe(false),
  );

  it('types and lists a context’s keys', () => {
    const set = definePermissions('crm', { 'crm.leads:read': text, 'crm.leads:update': text });
    const key: 'crm.leads:read' | 'crm.leads:update' = set.keys[0];
    expect(key).toBe('crm.leads:read');
    expect(set.definitions.map((d) => d.context)).toEqual(['crm', 'crm']);
  });

  it('refuses malformed keys and keys of another context at declaration time', () => {
    expect(() => definePermissions('crm', { 'crm.leads.read': text } as never)).toThrow(/not of the form/);
    expect(() => definePermissions('crm', { 'finance.invoices:read': text })).toThrow(/names another context/);
  });

  it('the catalogue rejects a key declared twice and a context registered twice', () => {
    const crm = definePermissions('crm', { 'crm.leads:read': text });
    const sneaky = { ...definePermissions('finance', { 'finance.invoices:read': text }), definitions: crm.definitions };
    expect(() => createPermissionCatalogue([crm, sneaky])).toThrow(/declared twice/);
    expect(() => createPermissionCatalogue([crm, crm])).toThrow(/registered twice/);
    const catalogue = createPermissionCatalogue([crm, definePermissions('finance', { 'finance.invoices:read': text })]);
    expect(catalogue.keys).toEqual(['crm.leads:read', 'finance.invoices:read']);
    expect(catalogue.has('crm.leads:read')).toBe(true);
    expect(catalogue.has('crm.leads:delete')).toBe(false);
  });
});
