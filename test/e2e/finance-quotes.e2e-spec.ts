import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { ADMIN_EMAIL, ADMIN_PASSWORD, departmentId, seedReferenceData } from './support/auth';
import { clientFor, createStaff, signIn } from './support/crm-api';

/**
 * Quotes over HTTP with the standard roles: a product → quote v1 → sent (PDF stored with its hash)
 * → edited into v2 (v1 stays as sent) → v2 sent (v1 superseded) → accepted with the funding
 * clause → `finance.quote.accepted` in the outbox; ETag/If-Match, idempotent create, scope, CSV.
 */
describe('Finance quotes over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: ApiClient, consultant: ApiClient, sales: ApiClient;
  let consultantToken: string;
  let consultantId: string;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const erik = await createStaff(admin, { email: 'erik@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    consultantId = erik.id;
    const anna = await createStaff(admin, { email: 'anna@renewa.test', department: 'sales', roles: ['sales'] });
    ({ client: consultant, token: consultantToken } = await signIn(server.baseUrl, 'erik@renewa.test', erik.password));
    sales = await clientFor(server.baseUrl, 'anna@renewa.test', anna.password);
    pool = new Pool({ connectionString: db.adminUrl, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  it('product → quote v1 → send → edit (v2) → send → accepted with the funding clause → event in the outbox', async () => {
    const product = await unwrap(
      admin.POST('/api/v1/finance/products', {
        body: { sku: 'HP-9KW', name: { de: 'Wärmepumpe 9 kW', en: 'Heat pump 9 kW' }, kind: 'material', unit: 'piece', unitPriceCents: 1_450_000, vatCategory: 'standard', active: true },
      }),
    );
    // The customer, recorded by the office for the consultant (consultants read contacts, they do not create them).
    const contact = await unwrap(
      admin.POST('/api/v1/contacts', {
        body: { firstName: 'Klaus', lastName: 'Becker', address: { street: 'Ahornweg 7', postalCode: '34117', city: 'Kassel' }, allowDuplicates: true, ownerId: consultantId, departmentId: departmentId('energy_consulting') },
      }),
    );
    const project = await unwrap(consultant.POST('/api/v1/projects', { body: { title: 'Wärmepumpe Becker', contactId: contact.id } }));

    // Create, retried safely with an Idempotency-Key.
    const body = {
      projectId: project.id,
      subject: 'Wärmepumpe',
      fundingClause: true,
      fundingProgramme: 'BEG EM (KfW 458)',
      lines: [
        { kind: 'section' as const, text: { de: 'Heizung', en: 'Heating' } },
        { text: { de: 'Wärmepumpe', en: 'Heat pump' }, productId: product.id },
        { text: { de: 'Rohrdämmung', en: 'Pipe insulation' }, quantity: '0.333', unit: 'm' as const, unitPriceCents: 12_345, vatCategory: 'standard' as const },
      ],
    };
    const key = { 'Idempotency-Key': 'quote-create-1' };
    const created = await consultant.POST('/api/v1/finance/quotes', { body, headers: key });
    expect(created.response.status).toBe(201);
    const quote = created.data!;
    expect(quote.number).toMatch(/^A-\d{4}-\d{6}$/);
    expect(created.response.headers.get('etag')).toBe(`"${quote.id}:1"`);
    const replay = await consultant.POST('/api/v1/finance/quotes', { body, headers: key });
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.id).toBe(quote.id);
    // 0.333 × 123.45 € = 41.11 € (half-up); 14,500 € + 41.11 € net; 19 % on the sum.
    expect(quote.current).toMatchObject({ totalNetCents: 1_454_111, totalTaxCents: 276_281, totalGrossCents: 1_730_392 });

    const sent = await unwrap(consultant.POST('/api/v1/finance/quotes/{id}/send', { params: { path: { id: quote.id } } }));
    expect(sent).toMatchObject({ status: 'sent', revision: 1 });
    const pdf = await fetch(`${server.baseUrl}/api/v1/documents/${sent.current!.pdf!.documentId}/content`, { headers: { authorization: `Bearer ${consultantToken}` } });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sent.current!.pdf!.sha256);

    // Edit: If-Match required (428), a stale one refused (412); the edit of a sent quote is version 2.
    const lines = [{ text: { de: 'Wärmepumpe', en: 'Heat pump' }, productId: product.id, discountCents: 50_000 }];
    expect((await consultant.PATCH('/api/v1/finance/quotes/{id}', { params: { path: { id: quote.id } }, body: { lines } } as never)).response.status).toBe(428);
    const stale = await consultant.PATCH('/api/v1/finance/quotes/{id}', { params: { path: { id: quote.id }, header: { 'If-Match': `"${quote.id}:1"` } }, body: { lines } });
    expect(stale.response.status).toBe(412);
    const v2 = await unwrap(consultant.PATCH('/api/v1/finance/quotes/{id}', { params: { path: { id: quote.id }, header: { 'If-Match': `"${quote.id}:${sent.version}"` } }, body: { lines } }));
    expect(v2).toMatchObject({ status: 'draft', revision: 2, totalNetCents: 1_400_000 });
    const versions = await unwrap(consultant.GET('/api/v1/finance/quotes/{id}/versions', { params: { path: { id: quote.id } } }));
    expect(versions.map((v) => [v.revision, v.status, v.lines.length, v.totalNetCents])).toEqual([
      [1, 'sent', 3, 1_454_111],
      [2, 'draft', 1, 1_400_000],
    ]);

    await unwrap(consultant.POST('/api/v1/finance/quotes/{id}/send', { params: { path: { id: quote.id } } }));
    const accepted = await unwrap(
      consultant.POST('/api/v1/finance/quotes/{id}/accept', { params: { path: { id: quote.id } }, body: { method: 'signed_upload', acceptedBy: 'Klaus Becker', withFundingClause: true } }),
    );
    expect(accepted).toMatchObject({ status: 'accepted', revision: 2 });
    expect((await unwrap(consultant.GET('/api/v1/finance/quotes/{id}/versions', { params: { path: { id: quote.id } } }))).map((v) => v.status)).toEqual(['superseded', 'accepted']);

    const { rows } = await pool.query(`select payload from domain_events where type = 'finance.quote.accepted' and aggregate_id = $1`, [quote.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toEqual({
      quoteId: quote.id,
      number: quote.number,
      version: 2,
      projectId: project.id,
      contactId: contact.id,
      acceptedAt: expect.any(String),
      method: 'signed_upload',
      withFundingClause: true,
      totalNetCents: 1_400_000,
      totalGrossCents: 1_666_000,
    });

    // The contract does not change; lists filter and export it; a colleague of another department does not see it.
    const edit = await consultant.PATCH('/api/v1/finance/quotes/{id}', { params: { path: { id: quote.id }, header: { 'If-Match': `"${quote.id}:${accepted.version}"` } }, body: { notes: 'x' } });
    expect(edit.response.status).toBe(409);
    const page = await unwrap(consultant.GET('/api/v1/finance/quotes', { params: { query: { status: ['accepted'], projectId: project.id } } }));
    expect(page.items.map((q) => q.id)).toEqual([quote.id]);
    const csv = await fetch(`${server.baseUrl}/api/v1/finance/quotes/export?projectId=${project.id}`, { headers: { authorization: `Bearer ${consultantToken}` } });
    expect(await csv.text()).toContain(quote.number);
    expect((await sales.GET('/api/v1/finance/quotes/{id}', { params: { path: { id: quote.id } } })).response.status).toBe(404);
  });
});
