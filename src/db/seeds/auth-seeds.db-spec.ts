import { verify } from '@node-rs/argon2';
import { Pool } from 'pg';
import { createDatabase, createPool, Database } from '@libs/db';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { BASELINE_GRANTS } from '../../modules/auth';
import { PERMISSIONS } from '../../permissions.catalogue';
import { ADMIN_EMAIL } from './admin-user.seed';
import { SEEDS } from './index';
import { standardRoleGrantsSeed } from './roles.seed';
import { runSeeds } from './seed-runner';
import { seedUuid } from './seed-utils';

describe('auth seeds', () => {
  let testDb: TestDatabase;
  let pool: Pool;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    pool = createPool({ url: testDb.bouncerUrl ?? testDb.appUrl, max: 2 });
    db = createDatabase(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await testDb?.drop();
  });

  it('refuses to seed the admin in production without ADMIN_PASSWORD', async () => {
    const log = { info: jest.fn(), warn: jest.fn() };
    await expect(runSeeds(db, SEEDS, { env: { nodeEnv: 'production' }, log })).rejects.toThrow(
      'ADMIN_PASSWORD is not set: in production the first seed needs it as the password of admin@renewa.de',
    );
    expect((await pool.query('select 1 from users')).rowCount).toBe(0);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('elsewhere generates the admin password and logs it exactly once', async () => {
    const log = { info: jest.fn(), warn: jest.fn() };
    await runSeeds(db, SEEDS, { env: { nodeEnv: 'development' }, log });
    await runSeeds(db, SEEDS, { env: { nodeEnv: 'development' }, log });
    expect(log.warn).toHaveBeenCalledTimes(1);
    const password = /shown only now: (\S+)/.exec(log.warn.mock.calls[0][0] as string)?.[1] as string;
    const { rows } = await pool.query('select id, password_hash, department_id from users where email = $1', [ADMIN_EMAIL]);
    expect(rows[0].id).toBe(seedUuid('users', ADMIN_EMAIL));
    expect(rows[0].department_id).toBe(seedUuid('departments', 'management'));
    await expect(verify(rows[0].password_hash, password)).resolves.toBe(true);
  });

  it('seeds the standard roles with deterministic ids; admin holds every permission with scope all', async () => {
    const { rows: roles } = await pool.query<{ id: string; key: string; is_system: boolean }>('select id, key, is_system from roles order by key');
    expect(roles.map((r) => r.key)).toEqual(['accountant', 'admin', 'back_office', 'energy_consultant', 'manager', 'read_only', 'sales']);
    for (const role of roles) expect([role.key, role.id, role.is_system]).toEqual([role.key, seedUuid('roles', role.key), true]);
    const { rows: grants } = await pool.query('select permission, scope from role_permissions where role_id = $1 order by permission', [seedUuid('roles', 'admin')]);
    const expected = PERMISSIONS.keys.filter((key) => !(key in BASELINE_GRANTS));
    expect(grants).toEqual(expected.map((permission) => ({ permission, scope: 'all' })));
    const { rows: adminRoles } = await pool.query('select role_id from user_roles where user_id = $1', [seedUuid('users', ADMIN_EMAIL)]);
    expect(adminRoles).toEqual([{ role_id: seedUuid('roles', 'admin') }]);
  });

  it("a context's later grants seed adds missing grants and leaves changed ones alone", async () => {
    await pool.query(`delete from role_permissions where permission = 'auth.users:read' and role_id = $1`, [seedUuid('roles', 'sales')]);
    await pool.query(`update role_permissions set scope = 'own' where permission = 'auth.departments:read' and role_id = $1`, [seedUuid('roles', 'sales')]);
    await runSeeds(db, [standardRoleGrantsSeed('auth')], { env: { nodeEnv: 'test' }, log: { info: () => undefined, warn: () => undefined } });
    const { rows } = await pool.query(`select permission, scope from role_permissions where role_id = $1 and permission like 'auth.%' order by permission`, [seedUuid('roles', 'sales')]);
    expect(rows).toEqual([
      { permission: 'auth.departments:read', scope: 'own' },
      { permission: 'auth.users:read', scope: 'department' },
    ]);
  });
});
