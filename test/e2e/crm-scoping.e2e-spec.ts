import type { Pool } from 'pg';
import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { ADMIN_EMAIL, ADMIN_PASSWORD, departmentId, seedReferenceData } from './support/auth';
import { clientFor, createStaff, signIn } from './support/crm-api';

/**
 * Record scopes over HTTP with the seeded roles: `sales` holds crm.leads:read with scope
 * `department`, so a sales user of department A sees B's leads only through a role with `all`.
 */
describe('CRM department scoping over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let pool: Pool;
  let annaA: ApiClient; // sales, department "sales"
  let annaToken: string;
  let bertA: ApiClient; // sales, department "sales"
  let carlB: ApiClient; // sales, department "energy_consulting"
  let office: ApiClient; // back_office: crm.leads:read with scope all
  let consultant: ApiClient; // energy_consultant: may read leads, not create them
  let annaId: string;
  let carlId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    pool = db.adminPool();
    const admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const staff = async (email: string, department: string, roles: string[]) => {
      const user = await createStaff(admin, { email, department, roles });
      return { id: user.id, ...(await signIn(server.baseUrl, email, user.password)) };
    };
    const anna = await staff('anna@renewa.de', 'sales', ['sales']);
    annaId = anna.id;
    annaA = anna.client;
    annaToken = anna.token;
    bertA = (await staff('bert@renewa.de', 'sales', ['sales'])).client;
    const carl = await staff('carl@renewa.de', 'energy_consulting', ['sales']);
    carlId = carl.id;
    carlB = carl.client;
    office = (await staff('olga@renewa.de', 'back_office', ['back_office'])).client;
    consultant = (await staff('erik@renewa.de', 'energy_consulting', ['energy_consultant'])).client;
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  const listIds = async (client: ApiClient) => (await unwrap(client.GET('/api/v1/leads', { params: { query: { limit: 200 } } }))).items.map((l) => l.id);

  it("a sales user sees their department's leads; another department's only with scope all", async () => {
    const a = await unwrap(annaA.POST('/api/v1/leads', { body: { source: 'phone', lastName: 'Aleads' } }));
    const a2 = await unwrap(bertA.POST('/api/v1/leads', { body: { source: 'phone', lastName: 'Bleads' } }));
    const b = await unwrap(carlB.POST('/api/v1/leads', { body: { source: 'phone', lastName: 'Cleads' } }));
    expect(a.departmentId).toBe(departmentId('sales'));
    expect(b.departmentId).toBe(departmentId('energy_consulting'));

    expect((await listIds(annaA)).sort()).toEqual([a.id, a2.id].sort());
    expect(await listIds(carlB)).toEqual([b.id]);
    expect((await listIds(office)).sort()).toEqual([a.id, a2.id, b.id].sort());

    const foreign = await annaA.GET('/api/v1/leads/{id}', { params: { path: { id: b.id } } });
    expect(foreign.response.status).toBe(404);
    expect(foreign.error).toMatchObject({ code: 'CRM_LEAD_NOT_FOUND' });
    const timeline = await annaA.GET('/api/v1/leads/{id}/timeline', { params: { path: { id: b.id }, query: {} } });
    expect(timeline.response.status).toBe(404);
    const search = await unwrap(annaA.GET('/api/v1/leads', { params: { query: { q: 'cleads' } } }));
    expect(search.items).toEqual([]);
    const csv = await fetch(`${server.baseUrl}/api/v1/leads/export`, { headers: { authorization: `Bearer ${annaToken}` } });
    const exported = await csv.text();
    expect(exported).toContain(a.id);
    expect(exported).not.toContain(b.id);
  });

  it('writes are scoped too: no updates outside the scope, no records put into another department', async () => {
    const b = await unwrap(carlB.POST('/api/v1/leads', { body: { source: 'email', lastName: 'Foreign' } }));
    const patch = await annaA.PATCH('/api/v1/leads/{id}', { params: { path: { id: b.id }, header: { 'If-Match': `"${b.id}:1"` } }, body: { message: 'mine now' } });
    expect(patch.response.status).toBe(404);
    const misplaced = await annaA.POST('/api/v1/leads', { body: { source: 'email', lastName: 'Elsewhere', departmentId: departmentId('energy_consulting') } });
    expect(misplaced.response.status).toBe(403);
    expect(misplaced.error).toMatchObject({ code: 'OUT_OF_SCOPE' });
    // sales may delete only its own leads (scope own), even within the department
    const bert = await bertA.POST('/api/v1/leads', { body: { source: 'email', lastName: 'Bertsown' } });
    const del = await annaA.DELETE('/api/v1/leads/{id}', { params: { path: { id: bert.data!.id }, header: { 'If-Match': bert.response.headers.get('etag')! } } });
    expect(del.response.status).toBe(404);
    const own = await bertA.DELETE('/api/v1/leads/{id}', { params: { path: { id: bert.data!.id }, header: { 'If-Match': bert.response.headers.get('etag')! } } });
    expect(own.response.status).toBe(204);
  });

  it('a role without the permission is refused with 403', async () => {
    const create = await consultant.POST('/api/v1/leads', { body: { source: 'phone', lastName: 'Nope' } });
    expect(create.response.status).toBe(403);
    const deleted = await annaA.GET('/api/v1/leads', { params: { query: { deleted: 'include' } } });
    expect(deleted.response.status).toBe(200); // sales holds crm.leads:delete (own)
    const noDelete = await consultant.GET('/api/v1/leads', { params: { query: { deleted: 'include' } } });
    expect(noDelete.response.status).toBe(403);
  });

  it('Idempotency-Keys belong to the user who sent them', async () => {
    const headers = { 'Idempotency-Key': 'shared-key-1' };
    const first = await unwrap(annaA.POST('/api/v1/leads', { body: { source: 'event', lastName: 'Keyed' }, headers }));
    const second = await unwrap(carlB.POST('/api/v1/leads', { body: { source: 'event', lastName: 'Keyed' }, headers }));
    expect(second.id).not.toBe(first.id);
    await drainOutbox(server.app);
    const { rows } = await pool.query(`select entity_id, actor_id from audit_logs where action = 'crm.lead.created' and entity_id = any($1::uuid[])`, [
      [first.id, second.id],
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.entity_id, r.actor_id]))).toEqual({ [first.id]: annaId, [second.id]: carlId });
  });
});
