import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { currentRequestId } from '@libs/context';
import { PG_POOL } from '@libs/db';
import { MODULE_TEST_PASSWORD, useModuleTestContext } from '@libs/testing/module-context';

/**
 * The guard's cost and freshness over HTTP: an authenticated read is two statements (principal,
 * sign-in and grants in one; then the read), and what it reads is never stale — a changed grant,
 * a revoked sign-in and a deactivation count from the very next request.
 */
describe('auth guard (PostgreSQL)', () => {
  const ctx = useModuleTestContext({ permissions: [], users: { dora: { department: 'sales' } } });
  let roleId: string;
  let departmentId: string;
  /** Statements sent to the app's pool, by the request id they ran under. */
  const statements = new Map<string, string[]>();

  beforeAll(async () => {
    const role = await ctx.admin.query<{ id: string }>(`insert into roles (key, name) values ('guard_probe', '{"de":"Probe","en":"Probe"}') returning id`);
    roleId = role.rows[0].id;
    await ctx.admin.query(`insert into role_permissions (role_id, permission, scope) values ($1, 'auth.departments:read', 'all')`, [roleId]);
    await ctx.admin.query('insert into user_roles (user_id, role_id) values ($1, $2)', [ctx.users.dora.id, roleId]);
    departmentId = ctx.department('sales');

    // pool.query is one statement; pool.connect() without a callback is a transaction taking a
    // connection (pool.query itself calls connect with one).
    const pool = ctx.app.get<Pool>(PG_POOL, { strict: false });
    for (const method of ['query', 'connect'] as const) {
      const original = pool[method].bind(pool) as (...args: unknown[]) => unknown;
      jest.spyOn(pool, method).mockImplementation(((...args: unknown[]) => {
        const requestId = currentRequestId();
        const transaction = method === 'connect' && typeof args[0] !== 'function';
        if (requestId && (method === 'query' || transaction)) {
          statements.set(requestId, [...(statements.get(requestId) ?? []), transaction ? 'a transaction' : statementText(args[0])]);
        }
        return original(...args);
      }) as never);
    }
  });

  afterAll(() => jest.restoreAllMocks());

  async function signIn(): Promise<string> {
    const response = await fetch(`${ctx.server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ctx.users.dora.email, password: MODULE_TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function readDepartment(token: string): Promise<{ status: number; code?: string; statements: string[] }> {
    const requestId = randomUUID();
    const response = await fetch(`${ctx.server.baseUrl}/api/v1/departments/${departmentId}`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId } });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code, statements: statements.get(requestId) ?? [] };
  }

  it('reads a resource in two statements: principal with sign-in and grants, then the row', async () => {
    const token = await signIn();
    for (let i = 0; i < 3; i++) {
      const read = await readDepartment(token);
      expect(read.status).toBe(200);
      expect(read.statements).toHaveLength(2);
      expect(read.statements[0]).toMatch(/from "users"/);
      expect(read.statements[0]).toMatch(/refresh_tokens/);
      expect(read.statements[0]).toMatch(/role_permissions/);
      expect(read.statements[1]).toMatch(/from "departments"/);
    }
  });

  it('sees a removed and a restored grant on the next request', async () => {
    const token = await signIn();
    expect((await readDepartment(token)).status).toBe(200);
    await ctx.admin.query(`delete from role_permissions where role_id = $1 and permission = 'auth.departments:read'`, [roleId]);
    expect(await readDepartment(token)).toMatchObject({ status: 403, code: 'AUTH_PERMISSION_DENIED' });
    await ctx.admin.query(`insert into role_permissions (role_id, permission, scope) values ($1, 'auth.departments:read', 'own')`, [roleId]);
    expect((await readDepartment(token)).status).toBe(200);
  });

  it('sees a deleted role and a removed role assignment on the next request', async () => {
    const token = await signIn();
    expect((await readDepartment(token)).status).toBe(200);
    await ctx.admin.query('update roles set deleted_at = now() where id = $1', [roleId]);
    expect((await readDepartment(token)).status).toBe(403);
    await ctx.admin.query('update roles set deleted_at = null where id = $1', [roleId]);
    expect((await readDepartment(token)).status).toBe(200);
    await ctx.admin.query('delete from user_roles where user_id = $1 and role_id = $2', [ctx.users.dora.id, roleId]);
    expect((await readDepartment(token)).status).toBe(403);
    await ctx.admin.query('insert into user_roles (user_id, role_id) values ($1, $2)', [ctx.users.dora.id, roleId]);
    expect((await readDepartment(token)).status).toBe(200);
  });

  it('refuses the next request after the sign-in is revoked, although the token was accepted before', async () => {
    const token = await signIn();
    expect((await readDepartment(token)).status).toBe(200);
    await ctx.admin.query('update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [ctx.users.dora.id]);
    expect(await readDepartment(token)).toMatchObject({ status: 401, code: 'AUTH_SESSION_REVOKED' });
  });

  it('refuses the next request after the user is deactivated', async () => {
    const token = await signIn();
    expect((await readDepartment(token)).status).toBe(200);
    await ctx.admin.query('update users set is_active = false where id = $1', [ctx.users.dora.id]);
    try {
      expect((await readDepartment(token)).status).toBe(401);
    } finally {
      await ctx.admin.query('update users set is_active = true where id = $1', [ctx.users.dora.id]);
    }
  });
});

function statementText(config: unknown): string {
  return typeof config === 'string' ? config : String((config as { text?: string }).text);
}
