import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { sqlAs } from '@libs/testing/outbox-probes';
import { ADMIN_EMAIL, ADMIN_PASSWORD, httpClient, PROBLEM_JSON, seedReferenceData } from './support/auth';

/** Users are audited from day one: changes made over the API show up in the audit log, tamper-evident. */
describe('audit log over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let api: ReturnType<typeof httpClient>;
  let token: string;
  let adminId: string;
  let userId: string;
  let createdAt: Date;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    api = httpClient(server.baseUrl);
    token = (await api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    adminId = (await api.get('/auth/me', token)).body.user.id;

    createdAt = new Date();
    const created = await api.post('/users', { email: 'erika@renewa.de', name: 'Erika Muster', password: 'a-long-enough-password' }, token, {
      'x-request-id': 'req-create-erika',
    });
    expect(created.status).toBe(201);
    userId = created.body.id;
    const updated = await api.patch('/users/' + userId, { name: 'Erika Mustermann' }, token, {
      'if-match': created.headers.get('etag') as string,
      'x-request-id': 'req-rename-erika',
      'x-forwarded-for': '198.51.100.23',
    });
    expect(updated.status).toBe(200);
    await drainOutbox(server.app);
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('lists the changes of an entity, newest first, with actor, request id, ip and before/after', async () => {
    const { status, body } = await api.get(`/audit-logs?entityType=user&entityId=${userId}`, token);
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(2);
    const [renamed, created] = body.items;
    expect(renamed).toMatchObject({
      action: 'auth.user.updated',
      entityType: 'user',
      entityId: userId,
      actorId: adminId,
      requestId: 'req-rename-erika',
      clientIp: '198.51.100.23',
      changes: { name: { before: 'Erika Muster', after: 'Erika Mustermann' } },
    });
    expect(created).toMatchObject({
      action: 'auth.user.created',
      requestId: 'req-create-erika',
      changes: expect.objectContaining({ email: { before: null, after: 'erika@renewa.de' } }),
    });
    expect(JSON.stringify(body)).not.toMatch(/password/i);
    expect(renamed.seq).toBeGreaterThan(created.seq);
    expect(renamed.prevHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by action, actor and time range', async () => {
    const byAction = await api.get('/audit-logs?action=auth.user.created', token);
    expect(byAction.body.items.map((i: any) => i.entityId)).toEqual([userId]);

    const byActor = await api.get(`/audit-logs?actorId=${adminId}&limit=200`, token);
    expect(byActor.body.items.length).toBeGreaterThanOrEqual(3); // login, create, rename
    expect(byActor.body.items.every((i: any) => i.actorId === adminId)).toBe(true);

    const before = await api.get(`/audit-logs?entityId=${userId}&to=${encodeURIComponent(createdAt.toISOString())}`, token);
    expect(before.body.items).toEqual([]);
    const after = await api.get(`/audit-logs?entityId=${userId}&from=${encodeURIComponent(createdAt.toISOString())}`, token);
    expect(after.body.items).toHaveLength(2);
  });

  it('pages with an opaque cursor', async () => {
    const all = (await api.get('/audit-logs?limit=200', token)).body.items.map((i: any) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = cursor ? `/audit-logs?limit=1&cursor=${cursor}` : '/audit-logs?limit=1';
      const page = await api.get(path, token);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i: any) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['limit=0', 'VALIDATION_FAILED'],
    ['limit=201', 'VALIDATION_FAILED'],
    ['entityId=42', 'VALIDATION_FAILED'],
    ['from=yesterday', 'VALIDATION_FAILED'],
    ['action=Users', 'VALIDATION_FAILED'],
    ['cursor=bm9wZQ', 'PAGINATION_INVALID_CURSOR'],
  ])('answers ?%s with a 400 problem', async (query, code) => {
    const response = await api.get(`/audit-logs?${query}`, token);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(response.body.code).toBe(code);
  });

  it('needs a signed-in user with the permission', async () => {
    expect((await api.get('/audit-logs')).status).toBe(401);
    expect((await api.get('/audit-logs/verify')).status).toBe(401);
  });

  it('GET /audit-logs/verify reports an intact chain, then the first row edited in the database', async () => {
    const intact = await api.get('/audit-logs/verify', token);
    expect(intact.status).toBe(200);
    const [{ n }] = await sqlAs<{ n: number }>(db.adminUrl, 'select count(*)::int as n from audit_logs');
    expect(intact.body).toEqual({ ok: true, checked: n });

    const [target] = await sqlAs<{ id: string; seq: string }>(
      db.adminUrl,
      `select id, seq from audit_logs where action = 'auth.user.updated' and entity_id = $1`,
      [userId],
    );
    // An insider rewrites history as the superuser, behind the application's back.
    await sqlAs(db.adminUrl, `update audit_logs set changes = jsonb_set(changes, '{name,after}', '"Someone Else"') where id = $1`, [target.id]);
    const broken = await api.get('/audit-logs/verify', token);
    expect(broken.status).toBe(200);
    expect(broken.body).toEqual({
      ok: false,
      checked: expect.any(Number),
      brokenAt: { seq: Number(target.seq), id: target.id, reason: 'hash-mismatch' },
    });
  });
});
