import type { Pool } from 'pg';
import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedReferenceData } from './support/auth';
import { clientFor } from './support/crm-api';

/**
 * The CRM journey over HTTP (through PgBouncer when it runs, as in production), with the generated
 * client: create → update with ETag → qualify → convert → timeline → soft delete → restore, and the
 * audit rows that prove every step.
 */
describe('CRM journey over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: ApiClient;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    pool = db.adminPool();
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  it('create → update with ETag → convert → timeline → soft delete → restore', async () => {
    // Create, safely retried with an Idempotency-Key.
    const body = {
      source: 'website_form' as const,
      firstName: 'Anna',
      lastName: 'Schmidt',
      companyName: 'Schmidt Immobilien GmbH',
      email: 'Anna.Schmidt@Example.de',
      phone: '030 1234567',
      interests: ['heat_pump' as const, 'insulation' as const],
      propertyAddress: { street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin' },
      buildingType: 'single_family' as const,
      yearBuilt: 1968,
      livingAreaM2: 142.5,
      ownerOccupied: true,
      estimatedValueCents: 3_500_000,
    };
    const key = { 'Idempotency-Key': 'journey-create-1' };
    const created = await admin.POST('/api/v1/leads', { body, headers: key });
    expect(created.response.status).toBe(201);
    const lead = created.data!;
    expect(lead).toMatchObject({ status: 'new', email: 'anna.schmidt@example.de', phone: '+49301234567', version: 1 });
    const etag1 = created.response.headers.get('etag')!;
    expect(etag1).toBe(`"${lead.id}:1"`);

    const replay = await admin.POST('/api/v1/leads', { body, headers: key });
    expect(replay.response.status).toBe(201);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.id).toBe(lead.id);
    const reused = await admin.POST('/api/v1/leads', { body: { ...body, lastName: 'Other' }, headers: key });
    expect(reused.response.status).toBe(422);
    expect(reused.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const { rows: sameEmail } = await pool.query(`select count(*)::int as n from leads where email = 'anna.schmidt@example.de'`);
    expect(sameEmail[0].n).toBe(1);

    // Read with ETag; updates need If-Match.
    const read = await admin.GET('/api/v1/leads/{id}', { params: { path: { id: lead.id } } });
    expect(read.response.headers.get('etag')).toBe(etag1);
    // @ts-expect-error the contract requires If-Match; this request leaves it out on purpose
    const noPrecondition = await admin.PATCH('/api/v1/leads/{id}', { params: { path: { id: lead.id } }, body: { status: 'contacted' } });
    expect(noPrecondition.response.status).toBe(428);
    expect(noPrecondition.error).toMatchObject({ code: 'PRECONDITION_REQUIRED' });
    const contacted = await admin.PATCH('/api/v1/leads/{id}', {
      params: { path: { id: lead.id }, header: { 'If-Match': etag1 } },
      body: { status: 'contacted', assigneeId: null },
    });
    expect(contacted.response.status).toBe(200);
    expect(contacted.data).toMatchObject({ status: 'contacted', version: 2 });
    const stale = await admin.PATCH('/api/v1/leads/{id}', { params: { path: { id: lead.id }, header: { 'If-Match': etag1 } }, body: { message: 'lost update' } });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const illegal = await admin.PATCH('/api/v1/leads/{id}', {
      params: { path: { id: lead.id }, header: { 'If-Match': contacted.response.headers.get('etag')! } },
      body: { status: 'new' },
    });
    expect(illegal.response.status).toBe(409);
    expect(illegal.error).toMatchObject({ code: 'CRM_LEAD_ILLEGAL_TRANSITION' });
    const qualified = await admin.PATCH('/api/v1/leads/{id}', {
      params: { path: { id: lead.id }, header: { 'If-Match': contacted.response.headers.get('etag')! } },
      body: { status: 'qualified' },
    });
    expect(qualified.data).toMatchObject({ status: 'qualified', version: 3 });
    expect((await admin.GET('/api/v1/leads/{id}', { params: { path: { id: lead.id } } })).data!.message).toBeNull();

    // A call on the lead's timeline, then convert.
    await unwrap(admin.POST('/api/v1/activities', { body: { type: 'call', direction: 'outbound', subject: 'Erstgespräch', leadId: lead.id, durationMinutes: 15 } }));
    const converted = await admin.POST('/api/v1/leads/{id}/convert', {
      params: { path: { id: lead.id }, header: { 'If-Match': qualified.response.headers.get('etag')!, 'Idempotency-Key': 'journey-convert-1' } },
      body: {},
    });
    expect(converted.response.status).toBe(200);
    const result = converted.data!;
    expect(result).toMatchObject({ status: 'converted', version: 4, convertedContactId: result.contact.id, convertedCompanyId: result.company!.id });
    expect(result.contact).toMatchObject({ firstName: 'Anna', lastName: 'Schmidt', email: 'anna.schmidt@example.de', companyId: result.company!.id });
    expect(result.contact.address).toMatchObject({ street: 'Lindenallee 4', postalCode: '14050' });
    expect(result.company).toMatchObject({ name: 'Schmidt Immobilien GmbH' });
    const again = await admin.POST('/api/v1/leads/{id}/convert', { params: { path: { id: lead.id } }, body: {} });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'CRM_LEAD_NOT_CONVERTIBLE' });

    // Timelines: the lead's changes and its call, newest first, paginated.
    await unwrap(admin.POST('/api/v1/activities', { body: { type: 'meeting', subject: 'Vor-Ort-Termin', contactId: result.contact.id, companyId: result.company!.id } }));
    await drainOutbox(server.app);
    const leadTimeline = await unwrap(admin.GET('/api/v1/leads/{id}/timeline', { params: { path: { id: lead.id }, query: { limit: 200 } } }));
    expect(leadTimeline.items.map((i) => (i.kind === 'activity' ? `activity:${i.activity!.type}` : i.change!.action))).toEqual([
      'crm.lead.converted',
      'activity:call',
      'crm.lead.updated',
      'crm.lead.updated',
      'crm.lead.created',
    ]);
    const times = leadTimeline.items.map((i) => new Date(i.occurredAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await unwrap(admin.GET('/api/v1/leads/{id}/timeline', { params: { path: { id: lead.id }, query: { limit: 2, cursor } } }));
      paged.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(leadTimeline.items.map((i) => i.id));
    const contactTimeline = await unwrap(admin.GET('/api/v1/contacts/{id}/timeline', { params: { path: { id: result.contact.id } } }));
    expect(contactTimeline.items.map((i) => i.activity?.subject ?? i.change!.action)).toEqual(['Vor-Ort-Termin', 'crm.contact.created']);
    const companyTimeline = await unwrap(admin.GET('/api/v1/companies/{id}/timeline', { params: { path: { id: result.company!.id } } }));
    expect(companyTimeline.items.map((i) => i.activity?.subject ?? i.change!.action)).toEqual(['Vor-Ort-Termin', 'crm.company.created']);

    // Soft delete (If-Match), gone from lists, restore.
    const current = await admin.GET('/api/v1/leads/{id}', { params: { path: { id: lead.id } } });
    const deleted = await admin.DELETE('/api/v1/leads/{id}', { params: { path: { id: lead.id }, header: { 'If-Match': current.response.headers.get('etag')! } } });
    expect(deleted.response.status).toBe(204);
    const live = await unwrap(admin.GET('/api/v1/leads', { params: { query: { q: 'schmidt' } } }));
    expect(live.items.map((l) => l.id)).not.toContain(lead.id);
    const onlyDeleted = await unwrap(admin.GET('/api/v1/leads', { params: { query: { deleted: 'only' } } }));
    expect(onlyDeleted.items.map((l) => l.id)).toEqual([lead.id]);
    const restored = await admin.POST('/api/v1/leads/{id}/restore', { params: { path: { id: lead.id } } });
    expect(restored.response.status).toBe(200);
    expect(restored.data).toMatchObject({ deletedAt: null, version: 6 });
    expect(restored.response.headers.get('etag')).toBe(`"${lead.id}:6"`);
    expect((await unwrap(admin.GET('/api/v1/leads', { params: { query: { q: 'schmidt' } } }))).items.map((l) => l.id)).toContain(lead.id);

    // Every step is in the audit log, attributed to the admin.
    await drainOutbox(server.app);
    const { rows } = await pool.query(
      `select action, entity_type from audit_logs where entity_id = any($1::uuid[]) order by seq`,
      [[lead.id, result.contact.id, result.company!.id]],
    );
    expect(rows.filter((r) => r.entity_type === 'lead').map((r) => r.action)).toEqual([
      'crm.lead.created',
      'crm.lead.updated',
      'crm.lead.updated',
      'crm.lead.converted',
      'crm.lead.deleted',
      'crm.lead.restored',
    ]);
    expect(rows.filter((r) => r.entity_type !== 'lead').map((r) => r.action)).toEqual(['crm.company.created', 'crm.contact.created']);
  });

  it('concurrent writers: one If-Match wins, one Idempotency-Key creates once', async () => {
    const lead = await admin.POST('/api/v1/leads', { body: { source: 'phone', lastName: 'Parallel' } });
    const etag = lead.response.headers.get('etag')!;
    const updates = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((message) =>
        admin.PATCH('/api/v1/leads/{id}', { params: { path: { id: lead.data!.id }, header: { 'If-Match': etag } }, body: { message } }),
      ),
    );
    expect(updates.map((u) => u.response.status).sort()).toEqual([200, 412, 412, 412, 412]);
    const winner = updates.find((u) => u.response.status === 200)!.data!.message;
    expect((await unwrap(admin.GET('/api/v1/leads/{id}', { params: { path: { id: lead.data!.id } } }))).message).toBe(winner);

    const creates = await Promise.all(
      [1, 2, 3, 4].map(() => admin.POST('/api/v1/leads', { body: { source: 'phone', lastName: 'Once', email: 'once@example.de' }, headers: { 'Idempotency-Key': 'parallel-key' } })),
    );
    expect(creates.map((c) => c.response.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(creates.map((c) => c.data!.id)).size).toBe(1);
    expect(creates.filter((c) => c.response.headers.get('idempotent-replayed') === 'true')).toHaveLength(3);
    const { rows } = await pool.query(`select count(*)::int as n from leads where email = 'once@example.de'`);
    expect(rows[0].n).toBe(1);
  });

  it('a failed request keeps no Idempotency-Key: the retry runs again', async () => {
    const first = await unwrap(admin.POST('/api/v1/leads', { body: { source: 'email', lastName: 'First', email: 'retry@example.de' } }));
    const headers = { 'Idempotency-Key': 'retry-after-409' };
    const body = { source: 'email' as const, lastName: 'Second', email: 'retry@example.de' };
    const conflict = await admin.POST('/api/v1/leads', { body, headers });
    expect(conflict.response.status).toBe(409);
    expect(conflict.error).toMatchObject({ code: 'CRM_DUPLICATE_CANDIDATES', duplicates: [{ type: 'lead', id: first.id, matchedOn: ['email'] }] });
    const deleted = await admin.DELETE('/api/v1/leads/{id}', { params: { path: { id: first.id }, header: { 'If-Match': `"${first.id}:1"` } } });
    expect(deleted.response.status).toBe(204);
    const retried = await admin.POST('/api/v1/leads', { body, headers });
    expect(retried.response.status).toBe(201);
    expect(retried.response.headers.get('idempotent-replayed')).toBeNull();
  });
});
