import type { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { ACCOUNT_THROTTLE, IP_THROTTLE } from '../../src/modules/auth/sessions/login-throttle.rules';
import { ADMIN_EMAIL, ADMIN_PASSWORD, httpClient, insertUser, PROBLEM_JSON, problemShape, seedReferenceData } from './support/auth';

describe('auth: sign-in, refresh rotation, logout, throttling (HTTP)', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: Pool;
  let api: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    admin = db.adminPool();
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    api = httpClient(server.baseUrl);
  });

  afterAll(async () => {
    await server?.close();
    await admin?.end();
    await db?.drop();
  });

  const familyRows = async (refreshTokenOwnerEmail: string) =>
    (
      await admin.query<{ revoked: boolean; used: boolean }>(
        `select revoked_at is not null as revoked, used_at is not null as used
           from refresh_tokens t join users u on u.id = t.user_id where u.email = $1 order by t.created_at`,
        [refreshTokenOwnerEmail],
      )
    ).rows;

  describe('login', () => {
    it('returns a short-lived JWT access token and an opaque refresh token', async () => {
      const before = Date.now();
      const tokens = await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      const [, payload] = tokens.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      expect(claims).toMatchObject({ iss: 'renewa', aud: 'renewa-api', sub: expect.any(String), sid: expect.any(String) });
      expect((claims.exp as number) - (claims.iat as number)).toBe(900);
      expect((claims.iat as number) * 1000).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      // Only the hash of the refresh token is stored.
      const { rows } = await admin.query('select token_hash from refresh_tokens');
      expect(rows.map((r) => r.token_hash)).not.toContain(tokens.refreshToken);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    });

    it('treats the email case-insensitively', async () => {
      await expect(api.login('  Admin@Renewa.DE ', ADMIN_PASSWORD)).resolves.toMatchObject({ tokenType: 'Bearer' });
    });

    it('gives the identical problem for an unknown email and a wrong password', async () => {
      const wrongPassword = await api.post('/auth/login', { email: ADMIN_EMAIL, password: 'not-the-password' }, undefined, { 'x-forwarded-for': '198.51.100.7' });
      const unknownEmail = await api.post('/auth/login', { email: 'nobody@renewa.de', password: 'not-the-password' }, undefined, { 'x-forwarded-for': '198.51.100.7' });
      for (const response of [wrongPassword, unknownEmail]) {
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
      }
      expect(wrongPassword.body.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(problemShape(unknownEmail.body)).toEqual(problemShape(wrongPassword.body));
    });

    it('refuses a deactivated user with the same problem', async () => {
      const user = await insertUser(admin, { email: 'inactive@renewa.de', roles: ['sales'], active: false });
      const response = await api.post('/auth/login', { email: user.email, password: user.password }, undefined, { 'x-forwarded-for': '198.51.100.8' });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    });

    it('validates the body', async () => {
      const response = await api.post('/auth/login', { email: 'not-an-email', password: '' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('refresh', () => {
    it('rotates: the new pair works, the presented token is spent', async () => {
      const first = await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const second = await api.post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await api.get('/auth/me', second.body.accessToken)).status).toBe(200);
      const third = await api.post('/auth/refresh', { refreshToken: second.body.refreshToken });
      expect(third.status).toBe(200);
    });

    it('never extends a sign-in past SESSION_MAX_DAYS (90) from the sign-in, however often it is refreshed', async () => {
      const user = await insertUser(admin, { email: 'long-session@renewa.de', roles: ['sales'] });
      const first = await api.login(user.email, user.password);
      const startedDaysAgo = (days: number) =>
        admin.query(`update refresh_tokens t set session_started_at = now() - make_interval(secs => $2) from users u where u.id = t.user_id and u.email = $1`, [
          user.email,
          days * 86_400,
        ]);
      // 89 days and 23 hours ago: the successor lives one more hour, not another 30 days.
      await startedDaysAgo(89 + 23 / 24);
      const late = await api.post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(late.status).toBe(200);
      const hoursLeft = (Date.parse(late.body.refreshTokenExpiresAt) - Date.now()) / 3_600_000;
      expect(hoursLeft).toBeGreaterThan(0.9);
      expect(hoursLeft).toBeLessThan(1.1);
      // Past the end: refused, though the token itself has not expired.
      await startedDaysAgo(90 + 1 / 24);
      const over = await api.post('/auth/refresh', { refreshToken: late.body.refreshToken });
      expect([over.status, over.body.code]).toEqual([401, 'AUTH_REFRESH_TOKEN_INVALID']);
    });

    it('reusing a spent token → 401 and the whole family is revoked (the newest token stops working too)', async () => {
      const user = await insertUser(admin, { email: 'reuse@renewa.de', roles: ['sales'] });
      const first = await api.login(user.email, user.password);
      const second = (await api.post('/auth/refresh', { refreshToken: first.refreshToken })).body;

      const replay = await api.post('/auth/refresh', { refreshToken: first.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH_REFRESH_TOKEN_REUSED');

      const newest = await api.post('/auth/refresh', { refreshToken: second.refreshToken });
      expect(newest.status).toBe(401);
      expect(newest.body.code).toBe('AUTH_REFRESH_TOKEN_INVALID');
      expect((await familyRows(user.email)).every((row) => row.revoked)).toBe(true);
    });

    it('an unknown token → 401', async () => {
      const response = await api.post('/auth/refresh', { refreshToken: 'x'.repeat(43) });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('AUTH_REFRESH_TOKEN_INVALID');
    });

    it('a deactivated user can no longer refresh, nor use an access token', async () => {
      const user = await insertUser(admin, { email: 'leaver@renewa.de', roles: ['sales'] });
      const tokens = await api.login(user.email, user.password);
      await admin.query('update users set is_active = false where id = $1', [user.id]);
      const refresh = await api.post('/auth/refresh', { refreshToken: tokens.refreshToken });
      expect(refresh.status).toBe(401);
      expect((await familyRows(user.email)).every((row) => row.revoked)).toBe(true);
      const me = await api.get('/auth/me', tokens.accessToken);
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('AUTH_USER_INACTIVE');
    });
  });

  describe('logout', () => {
    it('revokes the sign-in: its refresh token no longer works; other sign-ins keep working', async () => {
      const user = await insertUser(admin, { email: 'logout@renewa.de', roles: ['sales'] });
      const phone = await api.login(user.email, user.password);
      const laptop = await api.login(user.email, user.password);
      const response = await api.post('/auth/logout', { refreshToken: phone.refreshToken });
      expect(response.status).toBe(204);
      expect((await api.post('/auth/refresh', { refreshToken: phone.refreshToken })).status).toBe(401);
      // The access token of the ended sign-in stops working at once, not when it expires.
      const ended = await api.get('/auth/me', phone.accessToken);
      expect([ended.status, ended.body.code]).toEqual([401, 'AUTH_SESSION_REVOKED']);
      expect((await api.get('/auth/me', laptop.accessToken)).status).toBe(200);
      expect((await api.post('/auth/refresh', { refreshToken: laptop.refreshToken })).status).toBe(200);
      expect((await api.post('/auth/logout', { refreshToken: 'unknown-token' })).status).toBe(204);
    });
  });

  describe('throttling', () => {
    it(`per account: after ${ACCOUNT_THROTTLE.maxFailures} failures → 429 with Retry-After, even with the right password`, async () => {
      const user = await insertUser(admin, { email: 'target@renewa.de', roles: ['sales'] });
      for (let i = 0; i < ACCOUNT_THROTTLE.maxFailures; i++) {
        // A different address each time: only the account throttle can trip.
        const response = await api.post('/auth/login', { email: 'TARGET@renewa.de', password: `guess-${i}` }, undefined, { 'x-forwarded-for': `192.0.2.${i + 1}` });
        expect(response.status).toBe(401);
      }
      const blocked = await api.post('/auth/login', { email: user.email, password: user.password }, undefined, { 'x-forwarded-for': '192.0.2.200' });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(blocked.body.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(ACCOUNT_THROTTLE.windowSeconds);
      // Other accounts are not affected.
      await expect(api.login(ADMIN_EMAIL, ADMIN_PASSWORD, '192.0.2.201')).resolves.toBeDefined();
    });

    it(`per account under a burst: of 12 concurrent guesses exactly ${ACCOUNT_THROTTLE.maxFailures} are checked, the rest get 429`, async () => {
      await insertUser(admin, { email: 'burst@renewa.de', roles: ['sales'] });
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => api.post('/auth/login', { email: 'burst@renewa.de', password: `guess-${i}` }, undefined, { 'x-forwarded-for': `192.0.2.${50 + i}` })),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(ACCOUNT_THROTTLE.maxFailures).fill(401), ...Array(12 - ACCOUNT_THROTTLE.maxFailures).fill(429)]);
    });

    it(`per ip: after ${IP_THROTTLE.maxFailures} failures from one address → 429 for any account from it`, async () => {
      const ip = '198.18.0.9';
      for (let i = 0; i < IP_THROTTLE.maxFailures; i++) {
        const response = await api.post('/auth/login', { email: `spray-${i}@renewa.de`, password: 'Winter2026!' }, undefined, { 'x-forwarded-for': ip });
        expect(response.status).toBe(401);
      }
      const blocked = await api.post('/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, undefined, { 'x-forwarded-for': ip });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      await expect(api.login(ADMIN_EMAIL, ADMIN_PASSWORD, '198.18.0.10')).resolves.toBeDefined();
    });

    it('a successful sign-in clears the account’s failures', async () => {
      const user = await insertUser(admin, { email: 'forgetful@renewa.de', roles: ['sales'] });
      const attempt = (password: string, i: number) =>
        api.post('/auth/login', { email: user.email, password }, undefined, { 'x-forwarded-for': `192.0.2.${100 + i}` });
      for (let i = 0; i < ACCOUNT_THROTTLE.maxFailures - 1; i++) expect((await attempt('wrong', i)).status).toBe(401);
      expect((await attempt(user.password, 10)).status).toBe(200);
      for (let i = 0; i < ACCOUNT_THROTTLE.maxFailures - 1; i++) expect((await attempt('wrong', 20 + i)).status).toBe(401);
      expect((await attempt(user.password, 30)).status).toBe(200);
    });
  });

  describe('access tokens', () => {
    it('401 without, with a malformed, a foreign-signed or a tampered token', async () => {
      const missing = await api.get('/auth/me');
      expect(missing.status).toBe(401);
      expect(missing.body.code).toBe('AUTH_TOKEN_MISSING');
      const { accessToken } = await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const [header, payload, signature] = accessToken.split('.');
      const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000001' })).toString('base64url');
      for (const token of ['garbage', `${header}.${forged}.${signature}`, `${header}.${payload}.${signature.slice(0, -2)}xx`]) {
        const response = await api.get('/auth/me', token);
        expect([token.slice(0, 10), response.status, response.body.code]).toEqual([token.slice(0, 10), 401, 'AUTH_TOKEN_INVALID']);
      }
    });
  });

  describe('GET/PATCH /auth/me', () => {
    it('returns the user, roles and effective permissions', async () => {
      const user = await insertUser(admin, { email: 'both@renewa.de', department: 'sales', roles: ['sales', 'read_only'] });
      const { accessToken } = await api.login(user.email, user.password);
      const me = await api.get('/auth/me', accessToken);
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ id: user.id, email: user.email, locale: 'de', isActive: true, lastLoginAt: expect.any(String) });
      expect(me.body.user).not.toHaveProperty('passwordHash');
      expect(me.body.roles.map((r: { key: string }) => r.key)).toEqual(['read_only', 'sales']);
      const permissions = Object.fromEntries(me.body.permissions.map((g: { permission: string; scope: string }) => [g.permission, g.scope]));
      // sales grants auth.users:read with department, read_only with all: the widest wins.
      expect(permissions['auth.users:read']).toBe('all');
      expect(permissions['auth.profile:update']).toBe('own');
      expect(permissions['auth.users:create']).toBeUndefined();
    });

    it('changes name and locale', async () => {
      const user = await insertUser(admin, { email: 'rename@renewa.de' });
      const { accessToken } = await api.login(user.email, user.password);
      const response = await api.patch('/auth/me', { name: 'Renée Name', locale: 'en' }, accessToken);
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ name: 'Renée Name', locale: 'en' });
      const { rows } = await admin.query(`select type, payload from domain_events where aggregate_id = $1 and type = 'auth.user.updated'`, [user.id]);
      expect(rows[0].payload.changes).toEqual({ name: { before: 'rename', after: 'Renée Name' }, locale: { before: 'de', after: 'en' } });
    });

    it('a password change needs the current password and revokes the other sign-ins, not this one', async () => {
      const user = await insertUser(admin, { email: 'rotate@renewa.de' });
      const current = await api.login(user.email, user.password);
      const other = await api.login(user.email, user.password);
      const newPassword = 'a much better password';

      expect((await api.patch('/auth/me', { newPassword }, current.accessToken)).body.code).toBe('AUTH_CURRENT_PASSWORD_REQUIRED');
      const wrong = await api.patch('/auth/me', { newPassword, currentPassword: 'nope' }, current.accessToken);
      expect([wrong.status, wrong.body.code]).toEqual([403, 'AUTH_CURRENT_PASSWORD_WRONG']);
      const weak = await api.patch('/auth/me', { newPassword: 'rotate@renewa.de', currentPassword: user.password }, current.accessToken);
      expect([weak.status, weak.body.code]).toEqual([400, 'VALIDATION_FAILED']);

      const changed = await api.patch('/auth/me', { newPassword, currentPassword: user.password }, current.accessToken);
      expect(changed.status).toBe(200);
      expect((await api.post('/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
      expect((await api.get('/auth/me', other.accessToken)).body.code).toBe('AUTH_SESSION_REVOKED');
      expect((await api.get('/auth/me', current.accessToken)).status).toBe(200);
      expect((await api.post('/auth/refresh', { refreshToken: current.refreshToken })).status).toBe(200);
      await expect(api.login(user.email, newPassword)).resolves.toBeDefined();
      expect((await api.post('/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      const { rows } = await admin.query(`select payload from domain_events where aggregate_id = $1 and type = 'auth.user.password_changed'`, [user.id]);
      expect(rows).toEqual([{ payload: {} }]);
    });
  });

  it('records a logged-in event with the user as actor, never a secret', async () => {
    const user = await insertUser(admin, { email: 'events@renewa.de' });
    const tokens = await api.login(user.email, user.password);
    const { rows } = await admin.query(`select actor_id, payload::text as payload from domain_events where aggregate_id = $1 and type = 'auth.user.logged_in'`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(user.id);
    for (const secret of [user.password, tokens.refreshToken, tokens.accessToken]) expect(rows[0].payload).not.toContain(secret);
  });
});
