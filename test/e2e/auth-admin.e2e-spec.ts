import type { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { ADMIN_EMAIL, ADMIN_PASSWORD, departmentId, httpClient, insertUser, roleId, seedReferenceData, UserFixture } from './support/auth';

describe('auth: administration of users, departments and roles (HTTP)', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: Pool;
  let api: ReturnType<typeof httpClient>;
  let adminToken: string;
  let adminId: string;
  const users: Record<string, UserFixture> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    admin = db.adminPool();
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    api = httpClient(server.baseUrl);
    adminToken = (await api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    adminId = (await admin.query(`select id from users where email = $1`, [ADMIN_EMAIL])).rows[0].id;
    users.manager = await insertUser(admin, { email: 'manager@renewa.de', department: 'sales', roles: ['manager'] });
    users.seller = await insertUser(admin, { email: 'seller@renewa.de', department: 'sales', roles: ['sales'] });
    users.consultant = await insertUser(admin, { email: 'consultant@renewa.de', department: 'energy_consulting', roles: ['energy_consultant'] });
    users.reader = await insertUser(admin, { email: 'reader@renewa.de', department: 'accounting', roles: ['read_only'] });
    users.salesAdmin = await insertUser(admin, { email: 'sales-admin@renewa.de', department: 'sales', roles: ['admin'] });
    users.createdByManager = await insertUser(admin, { email: 'zz-created@renewa.de', department: 'back_office', createdBy: users.manager.id });
    for (const name of ['manager', 'seller', 'reader']) tokens[name] = (await api.login(users[name].email, users[name].password)).accessToken;
  });

  afterAll(async () => {
    await server?.close();
    await admin?.end();
    await db?.drop();
  });

  const etag = (id: string, version: number) => `"${id}:${version}"`;
  const emails = (body: Record<string, any>) => body.items.map((u: { email: string }) => u.email);

  describe('users', () => {
    it('admin creates a user without a password: a one-time password signs in', async () => {
      const created = await api.post('/users', { email: ' New.Hire@Renewa.de', name: 'New Hire', departmentId: departmentId('sales') }, adminToken);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: 'new.hire@renewa.de', locale: 'de', isActive: true, version: 1, oneTimePassword: expect.any(String) });
      expect(created.headers.get('etag')).toBe(etag(created.body.id, 1));
      await expect(api.login('new.hire@renewa.de', created.body.oneTimePassword)).resolves.toBeDefined();
      const duplicate = await api.post('/users', { email: 'NEW.HIRE@renewa.de', name: 'Again', password: 'long enough password' }, adminToken);
      expect([duplicate.status, duplicate.body.code]).toEqual([409, 'AUTH_USER_EMAIL_TAKEN']);
    });

    it('PATCH needs If-Match: 428 without, 412 when stale, 200 with the current ETag', async () => {
      const { id } = users.consultant;
      const read = await api.get(`/users/${id}`, adminToken);
      expect(read.headers.get('etag')).toBe(etag(id, read.body.version));
      expect((await api.patch(`/users/${id}`, { name: 'C. Onsultant' }, adminToken)).status).toBe(428);
      expect((await api.patch(`/users/${id}`, { name: 'C. Onsultant' }, adminToken, { 'if-match': etag(id, read.body.version + 1) })).status).toBe(412);
      const updated = await api.patch(`/users/${id}`, { name: 'C. Onsultant', locale: 'en' }, adminToken, { 'if-match': read.headers.get('etag') as string });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'C. Onsultant', locale: 'en', version: read.body.version + 1 });
      expect(updated.headers.get('etag')).toBe(etag(id, read.body.version + 1));
      expect((await api.patch(`/users/${id}`, { name: 'Late' }, adminToken, { 'if-match': read.headers.get('etag') as string })).status).toBe(412);
    });

    it('deactivate: no sign-in, sessions revoked; reactivate restores sign-in; nobody deactivates themselves', async () => {
      const user = await insertUser(admin, { email: 'temp@renewa.de', department: 'sales', roles: ['sales'] });
      const session = await api.login(user.email, user.password);
      const deactivated = await api.post(`/users/${user.id}/deactivate`, {}, adminToken);
      expect(deactivated.body).toMatchObject({ isActive: false, deactivatedAt: expect.any(String) });
      expect((await api.post('/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      expect((await api.post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      expect((await api.get('/auth/me', session.accessToken)).status).toBe(401);
      expect((await api.post(`/users/${user.id}/reactivate`, {}, adminToken)).body).toMatchObject({ isActive: true, deactivatedAt: null });
      await expect(api.login(user.email, user.password)).resolves.toBeDefined();
      const self = await api.post(`/users/${adminId}/deactivate`, {}, adminToken);
      expect([self.status, self.body.code]).toEqual([422, 'AUTH_CANNOT_DEACTIVATE_SELF']);
    });

    it('reset password: a given one or a generated one; the user is signed out everywhere', async () => {
      const user = await insertUser(admin, { email: 'forgot@renewa.de', department: 'sales', roles: ['sales'] });
      const session = await api.login(user.email, user.password);
      const generated = await api.post(`/users/${user.id}/reset-password`, {}, adminToken);
      expect(generated.status).toBe(200);
      expect((await api.post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      expect((await api.get('/auth/me', session.accessToken)).body.code).toBe('AUTH_SESSION_REVOKED');
      await expect(api.login(user.email, generated.body.oneTimePassword)).resolves.toBeDefined();
      const given = await api.post(`/users/${user.id}/reset-password`, { password: 'chosen by the admin' }, adminToken);
      expect(given.body).toEqual({ oneTimePassword: null });
      await expect(api.login(user.email, 'chosen by the admin')).resolves.toBeDefined();
    });

    it('lists with keyset pagination in email order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const page = await api.get(`/users${query}`, adminToken);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...emails(page.body));
        cursor = page.body.nextCursor;
      } while (cursor);
      const { rows } = await admin.query('select email from users order by lower(email)');
      expect(seen).toEqual(rows.map((r) => r.email));
      expect((await api.get('/users?limit=201', adminToken)).status).toBe(400);
      expect((await api.get('/users?cursor=bogus', adminToken)).status).toBe(400);
      expect(emails((await api.get('/users?q=SELLER', adminToken)).body)).toEqual(['seller@renewa.de']);
      expect(emails((await api.get(`/users?departmentId=${departmentId('accounting')}&active=true`, adminToken)).body)).toEqual(['reader@renewa.de']);
    });
  });

  describe('scopes are applied in the query', () => {
    it("a manager (users:read department) lists their department's users, themselves and users they created", async () => {
      const listed = emails((await api.get('/users?limit=200', tokens.manager)).body);
      const { rows } = await admin.query(
        `select email from users where department_id = $1 or id = $2 or created_by = $2 order by lower(email)`,
        [departmentId('sales'), users.manager.id],
      );
      expect(listed).toEqual(rows.map((r) => r.email));
      expect(listed).toContain('zz-created@renewa.de');
      expect(listed).not.toContain(users.consultant.email);
      expect(listed).not.toContain(ADMIN_EMAIL);
    });

    it('a user outside the scope is not found', async () => {
      const response = await api.get(`/users/${users.consultant.id}`, tokens.manager);
      expect([response.status, response.body.code]).toEqual([404, 'AUTH_USER_NOT_FOUND']);
      expect((await api.get(`/users/${users.seller.id}`, tokens.manager)).status).toBe(200);
    });

    it('a manager creates users only in their own department', async () => {
      const elsewhere = await api.post('/users', { email: 'x@renewa.de', name: 'X', departmentId: departmentId('accounting') }, tokens.manager);
      expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
      const own = await api.post('/users', { email: 'y@renewa.de', name: 'Y', departmentId: departmentId('sales') }, tokens.manager);
      expect(own.status).toBe(201);
      const { rows } = await admin.query('select created_by from users where id = $1', [own.body.id]);
      expect(rows[0].created_by).toBe(users.manager.id);
    });
  });

  describe('permissions and escalation', () => {
    it('read_only can read but not change anything', async () => {
      expect((await api.get('/users', tokens.reader)).status).toBe(200);
      expect((await api.get('/roles', tokens.reader)).status).toBe(200);
      for (const response of [
        await api.post('/users', { email: 'z@renewa.de', name: 'Z' }, tokens.reader),
        await api.post(`/users/${users.seller.id}/deactivate`, {}, tokens.reader),
        await api.put(`/users/${users.reader.id}/roles`, { roleIds: [roleId('admin')] }, tokens.reader),
        await api.post('/roles', { key: 'x_role', name: { de: 'X', en: 'X' }, permissions: [] }, tokens.reader),
        await api.post('/departments', { name: { de: 'X', en: 'X' } }, tokens.reader),
      ]) {
        expect([response.status, response.body.code]).toEqual([403, 'AUTH_PERMISSION_DENIED']);
      }
    });

    it('nobody can give themselves a role with more than they hold', async () => {
      const self = await api.put(`/users/${users.manager.id}/roles`, { roleIds: [roleId('manager'), roleId('admin')] }, tokens.manager);
      expect([self.status, self.body.code]).toEqual([403, 'AUTH_GRANT_EXCEEDS_OWN']);
      expect(self.body.detail).toContain('auth.roles:update (all)');
      const { rows } = await admin.query('select role_id from user_roles where user_id = $1', [users.manager.id]);
      expect(rows.map((r) => r.role_id)).toEqual([roleId('manager')]);
    });

    it('a manager assigns roles within their own grants only', async () => {
      const widerScope = await api.put(`/users/${users.seller.id}/roles`, { roleIds: [roleId('accountant')] }, tokens.manager);
      expect([widerScope.status, widerScope.body.code]).toEqual([403, 'AUTH_GRANT_EXCEEDS_OWN']); // users:read all
      const ok = await api.put(`/users/${users.seller.id}/roles`, { roleIds: [roleId('sales'), roleId('energy_consultant')] }, tokens.manager);
      expect(ok.status).toBe(200);
      expect(ok.body.roles.map((r: { key: string }) => r.key)).toEqual(['energy_consultant', 'sales']);
    });

    it('a manager cannot take over a more powerful account in their department', async () => {
      const reset = await api.post(`/users/${users.salesAdmin.id}/reset-password`, {}, tokens.manager);
      expect([reset.status, reset.body.code]).toEqual([403, 'AUTH_TARGET_EXCEEDS_OWN']);
      const demote = await api.put(`/users/${users.salesAdmin.id}/roles`, { roleIds: [] }, tokens.manager);
      expect(demote.status).toBe(403);
    });

    it('a role editor cannot widen a role they hold beyond their own grants', async () => {
      const editorRole = await api.post(
        '/roles',
        { key: 'role_editor', name: { de: 'Rollenpflege', en: 'Role editor' }, permissions: [{ permission: 'auth.roles:read', scope: 'all' }, { permission: 'auth.roles:update', scope: 'all' }] },
        adminToken,
      );
      expect(editorRole.status).toBe(201);
      const editor = await insertUser(admin, { email: 'editor@renewa.de', department: 'back_office' });
      await admin.query('insert into user_roles (user_id, role_id) values ($1, $2)', [editor.id, editorRole.body.id]);
      const token = (await api.login(editor.email, editor.password)).accessToken;
      const widened = await api.patch(
        `/roles/${editorRole.body.id}`,
        { permissions: [...editorRole.body.permissions, { permission: 'auth.users:create', scope: 'all' }] },
        token,
        { 'if-match': editorRole.headers.get('etag') as string },
      );
      expect([widened.status, widened.body.code]).toEqual([403, 'AUTH_GRANT_EXCEEDS_OWN']);
      const renamed = await api.patch(`/roles/${editorRole.body.id}`, { name: { de: 'Rollen', en: 'Roles' } }, token, { 'if-match': editorRole.headers.get('etag') as string });
      expect(renamed.status).toBe(200);
    });
  });

  describe('departments', () => {
    it('create, read with ETag, move (no cycles), delete only when empty', async () => {
      const parent = await api.post('/departments', { name: { de: 'Region Nord', en: 'Region North' } }, adminToken);
      expect(parent.status).toBe(201);
      const child = await api.post('/departments', { name: { de: 'Hamburg', en: 'Hamburg' }, parentId: parent.body.id }, adminToken);
      expect(child.body.parentId).toBe(parent.body.id);
      const cycle = await api.patch(`/departments/${parent.body.id}`, { parentId: child.body.id }, adminToken, { 'if-match': etag(parent.body.id, 1) });
      expect([cycle.status, cycle.body.code]).toEqual([422, 'AUTH_DEPARTMENT_CYCLE']);
      const inUse = await api.delete(`/departments/${parent.body.id}`, adminToken, { 'if-match': etag(parent.body.id, 1) });
      expect([inUse.status, inUse.body.code]).toEqual([409, 'AUTH_DEPARTMENT_IN_USE']);
      const renamed = await api.patch(`/departments/${child.body.id}`, { name: { de: 'Hamburg-Mitte', en: 'Hamburg Centre' } }, adminToken, { 'if-match': etag(child.body.id, 1) });
      expect(renamed.body).toMatchObject({ version: 2, name: { de: 'Hamburg-Mitte', en: 'Hamburg Centre' } });
      expect((await api.delete(`/departments/${child.body.id}`, adminToken, { 'if-match': etag(child.body.id, 1) })).status).toBe(412);
      expect((await api.delete(`/departments/${child.body.id}`, adminToken, { 'if-match': etag(child.body.id, 2) })).status).toBe(204);
      // Whoever may restore a deleted department may still read it; everybody else gets 404.
      expect((await api.get(`/departments/${child.body.id}`, adminToken)).body.deletedAt).not.toBeNull();
      expect((await api.get(`/departments/${child.body.id}`, tokens.reader)).status).toBe(404);
      const restored = await api.post(`/departments/${child.body.id}/restore`, {}, adminToken);
      expect([restored.status, restored.body.deletedAt, restored.body.version]).toEqual([200, null, 4]);
      expect((await api.post('/departments', { name: { de: 'Nur deutsch' } }, adminToken)).status).toBe(400);
      const list = await api.get('/departments?limit=200', users.reader && tokens.reader);
      expect(list.body.items.map((d: { name: { de: string } }) => d.name.de)).toContain('Region Nord');
    });
  });

  describe('roles', () => {
    it('lists the catalogue and the seeded roles; seeded roles stay, assigned roles stay', async () => {
      const permissions = await api.get('/permissions', adminToken);
      expect(permissions.body).toEqual(expect.arrayContaining([{ key: 'auth.users:read', context: 'auth', description: expect.objectContaining({ de: expect.any(String) }) }]));
      const roles = await api.get('/roles?limit=200', adminToken);
      expect(roles.body.items.map((r: { key: string }) => r.key)).toEqual(
        expect.arrayContaining(['accountant', 'admin', 'back_office', 'energy_consultant', 'manager', 'read_only', 'sales']),
      );
      const adminRole = await api.get(`/roles/${roleId('admin')}`, adminToken);
      const system = await api.delete(`/roles/${roleId('admin')}`, adminToken, { 'if-match': adminRole.headers.get('etag') as string });
      expect([system.status, system.body.code]).toEqual([422, 'AUTH_ROLE_SYSTEM']);
      const lockout = await api.patch(`/roles/${roleId('admin')}`, { permissions: [] }, adminToken, { 'if-match': adminRole.headers.get('etag') as string });
      expect(lockout.status).toBe(422);
    });

    it('create, edit permissions, refuse unknown permissions, delete', async () => {
      const created = await api.post('/roles', { key: 'auditor', name: { de: 'Prüfer', en: 'Auditor' }, permissions: [{ permission: 'auth.users:read', scope: 'all' }] }, adminToken);
      expect(created.status).toBe(201);
      const unknown = await api.patch(`/roles/${created.body.id}`, { permissions: [{ permission: 'crm.leads:fly', scope: 'all' }] }, adminToken, { 'if-match': etag(created.body.id, 1) });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'AUTH_UNKNOWN_PERMISSION']);
      const edited = await api.patch(
        `/roles/${created.body.id}`,
        { permissions: [{ permission: 'auth.users:read', scope: 'department' }, { permission: 'auth.roles:read', scope: 'all' }] },
        adminToken,
        { 'if-match': etag(created.body.id, 1) },
      );
      expect(edited.body.permissions).toEqual([
        { permission: 'auth.roles:read', scope: 'all' },
        { permission: 'auth.users:read', scope: 'department' },
      ]);
      expect((await api.post('/roles', { key: 'auditor', name: { de: 'P', en: 'A' }, permissions: [] }, adminToken)).status).toBe(409);
      await api.put(`/users/${users.reader.id}/roles`, { roleIds: [roleId('read_only'), created.body.id] }, adminToken);
      const inUse = await api.delete(`/roles/${created.body.id}`, adminToken, { 'if-match': etag(created.body.id, 2) });
      expect([inUse.status, inUse.body.code]).toEqual([409, 'AUTH_ROLE_IN_USE']);
      await api.put(`/users/${users.reader.id}/roles`, { roleIds: [roleId('read_only')] }, adminToken);
      expect((await api.delete(`/roles/${created.body.id}`, adminToken, { 'if-match': etag(created.body.id, 2) })).status).toBe(204);
      expect((await api.post('/roles', { key: 'auditor', name: { de: 'P', en: 'A' }, permissions: [] }, adminToken)).status).toBe(201);
    });
  });

  it('every change appended a domain event, and the audit log records them after delivery', async () => {
    const { rows: events } = await admin.query<{ id: string; type: string; actor_id: string | null; payload: string }>(
      `select id, type, actor_id, payload::text as payload from domain_events where type like 'auth.%' and type <> 'auth.user.logged_in'`,
    );
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'auth.user.created',
      'auth.user.updated',
      'auth.user.deactivated',
      'auth.user.reactivated',
      'auth.user.password_reset',
      'auth.user.roles_changed',
      'auth.department.created',
      'auth.department.updated',
      'auth.department.deleted',
      'auth.department.restored',
      'auth.role.created',
      'auth.role.updated',
      'auth.role.deleted',
    ]) {
      expect([type, types.has(type)]).toEqual([type, true]);
    }
    expect(events.every((e) => e.actor_id !== null)).toBe(true);
    expect(events.some((e) => /password_hash|passwordHash|\$argon2/.test(e.payload))).toBe(false);

    await drainOutbox(server.app);
    const { rows: audited } = await admin.query<{ event_id: string }>('select event_id from audit_logs');
    const auditedIds = new Set(audited.map((r) => r.event_id));
    expect(events.filter((e) => !auditedIds.has(e.id))).toEqual([]);
  });
});
