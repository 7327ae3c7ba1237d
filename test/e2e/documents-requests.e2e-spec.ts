import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { seedUuid } from '../../src/db/seeds/seed-utils';
import { ADMIN_EMAIL, ADMIN_PASSWORD, departmentId, seedReferenceData } from './support/auth';
import { clientFor, createStaff } from './support/crm-api';
import { filesBelow, multipartBody, pdfBytes } from './support/documents-api';

const MAX_BYTES = 256 * 1024;
const FLOOR_PLAN = seedUuid('documentTypes', 'floor_plan:2025-01-01');
const ENERGY_BILL = seedUuid('documentTypes', 'energy_bill:2025-01-01');

/**
 * Document requests over HTTP: staff ask for documents, the customer's link (no login) shows the
 * checklist and takes uploads through the files pipeline, the request is fulfilled; bad, expired
 * and revoked links, wrong items, oversize and lying files, the rate limit; a rejection reopens.
 */
describe('documents: document requests and the customer portal over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let storageDir: string;
  let consultant: ApiClient;
  let pool: Pool;
  let contactId: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'renewa-requests-'));
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, configOverrides: { storage: { localDir: storageDir, maxUploadBytes: MAX_BYTES } } });
    const admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const erik = await createStaff(admin, { email: 'erik@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    consultant = await clientFor(server.baseUrl, 'erik@renewa.test', erik.password);
    contactId = (await unwrap(admin.POST('/api/v1/contacts', { body: { firstName: 'Jana', lastName: 'Kühn', departmentId: departmentId('energy_consulting') } }))).id;
    pool = db.adminPool();
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  let clientNumber = 0;
  /** Each test is its own client address, so the rate limit of one does not reach the next. */
  const newClient = () => `203.0.113.${++clientNumber}`;
  const portalGet = (token: string, ip: string) => fetch(`${server.baseUrl}/api/v1/public/document-requests/${token}`, { headers: { 'x-forwarded-for': ip } });
  const portalUpload = (token: string, itemId: string, ip: string, bytes: Buffer, filename = 'Plan.pdf', type = 'application/pdf') => {
    const multipart = multipartBody(bytes, filename, type);
    return fetch(`${server.baseUrl}/api/v1/public/document-requests/${token}/items/${itemId}/uploads`, {
      method: 'POST',
      headers: { 'content-type': multipart.contentType, 'x-forwarded-for': ip },
      body: new Uint8Array(multipart.body),
    });
  };

  async function createRequest() {
    const request = await unwrap(
      consultant.POST('/api/v1/document-requests', {
        body: {
          contactId,
          dueDate: '2027-02-28',
          language: 'de',
          reminderDaysBefore: 3,
          items: [
            { typeId: FLOOR_PLAN, instructions: { de: 'Grundrisse aller Geschosse', en: 'Floor plans of every storey' }, required: true },
            { typeId: ENERGY_BILL, instructions: { de: 'Gasrechnungen der letzten drei Jahre', en: 'Gas bills of the last three years' }, required: true },
          ],
        },
      }),
    );
    const link = await unwrap(consultant.POST('/api/v1/document-requests/{id}/link', { params: { path: { id: request.id } }, body: { validDays: 14 } }));
    return { request, link, items: request.checklist };
  }

  it('create → the customer sees the checklist → uploads both items → the request is fulfilled', async () => {
    const ip = newClient();
    const { request, link, items } = await createRequest();
    expect(link.portalPath).toBe(`/api/v1/public/document-requests/${link.portalToken}`);

    const shown = await portalGet(link.portalToken, ip);
    expect(shown.status).toBe(200);
    const checklist = (await shown.json()) as Record<string, unknown>;
    expect(Object.keys(checklist).sort()).toEqual(['complete', 'consultancyName', 'dueDate', 'items', 'language']);
    expect(checklist).toMatchObject({ language: 'de', dueDate: '2027-02-28', complete: false });
    expect(checklist.consultancyName).toEqual(expect.any(String));
    expect(checklist.items).toEqual([
      { itemId: items[0].itemId, documentType: 'Grundriss', instructions: 'Grundrisse aller Geschosse', required: true, status: 'missing', rejectionReason: null },
      expect.objectContaining({ itemId: items[1].itemId, instructions: 'Gasrechnungen der letzten drei Jahre', status: 'missing' }),
    ]);
    expect(JSON.stringify(checklist)).not.toContain(contactId);

    const first = await portalUpload(link.portalToken, items[0].itemId, ip, pdfBytes(1000), 'Grundriss EG.pdf');
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ itemId: items[0].itemId, status: 'uploaded', filename: 'Grundriss EG.pdf', complete: false });
    const second = await portalUpload(link.portalToken, items[1].itemId, ip, pdfBytes(2000), 'Gas 2025.pdf');
    expect(await second.json()).toMatchObject({ complete: true });

    const fulfilled = await unwrap(consultant.GET('/api/v1/document-requests/{id}', { params: { path: { id: request.id } } }));
    expect(fulfilled.status).toBe('fulfilled');
    const documents = await unwrap(consultant.GET('/api/v1/documents', { params: { query: { linkType: 'contact', linkId: contactId } } }));
    expect(documents.items.map((document) => document.id).sort()).toEqual(fulfilled.checklist.map((item) => item.documentId).sort());
    const listed = await unwrap(consultant.GET('/api/v1/document-requests', { params: { query: { status: ['fulfilled'], contactId } } }));
    expect(listed.items.map((item) => item.id)).toEqual([request.id]);

    await drainOutbox(server.app);
    const { rows } = await pool.query(`select count(*)::int as n from domain_events where aggregate_id = $1 and type = 'documents.request.fulfilled'`, [request.id]);
    expect(rows[0].n).toBe(1);
  });

  it('staff reject an item: the item and the request reopen, the customer sees why and uploads again', async () => {
    const ip = newClient();
    const { request, link, items } = await createRequest();
    await portalUpload(link.portalToken, items[0].itemId, ip, pdfBytes());
    await portalUpload(link.portalToken, items[1].itemId, ip, pdfBytes());
    const current = await unwrap(consultant.GET('/api/v1/document-requests/{id}', { params: { path: { id: request.id } } }));

    const stale = await consultant.POST('/api/v1/document-requests/{id}/items/{itemId}/reject', {
      params: { path: { id: request.id, itemId: items[1].itemId }, header: { 'If-Match': `"${request.id}:${current.version - 1}"` } } as never,
      body: { reason: 'Seite 2 fehlt.' },
    });
    expect(stale.response.status).toBe(412);
    const rejected = await unwrap(
      consultant.POST('/api/v1/document-requests/{id}/items/{itemId}/reject', { params: { path: { id: request.id, itemId: items[1].itemId } }, body: { reason: 'Seite 2 fehlt.' } }),
    );
    expect(rejected.status).toBe('open');
    const seen = (await (await portalGet(link.portalToken, ip)).json()) as { complete: boolean; items: { status: string; rejectionReason: string | null }[] };
    expect(seen.complete).toBe(false);
    expect(seen.items[1]).toMatchObject({ status: 'rejected', rejectionReason: 'Seite 2 fehlt.' });

    expect((await portalUpload(link.portalToken, items[1].itemId, ip, pdfBytes(10, 'v2'))).status).toBe(201);
    const again = await unwrap(consultant.GET('/api/v1/document-requests/{id}', { params: { path: { id: request.id } } }));
    expect(again.status).toBe('fulfilled');
    const document = await unwrap(consultant.GET('/api/v1/documents/{id}', { params: { path: { id: again.checklist[1].documentId as string } } }));
    expect(document.currentVersion).toBe(2);
  });

  it('bad, expired and revoked links reveal nothing; wrong items, oversize and lying files are refused and leave nothing', async () => {
    const ip = newClient();
    const { request, link, items } = await createRequest();
    const unknown = await portalGet('A'.repeat(43), ip);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect((await portalGet('not-a-token', ip)).status).toBe(404);

    const objectsBefore = (await filesBelow(storageDir)).length;
    const wrongItem = await portalUpload(link.portalToken, '00000000-0000-4000-8000-000000000001', ip, pdfBytes());
    expect(wrongItem.status).toBe(404);
    expect(await wrongItem.json()).toMatchObject({ code: 'DOCUMENTS_PORTAL_ITEM_NOT_FOUND' });
    const oversize = await portalUpload(link.portalToken, items[0].itemId, ip, pdfBytes(MAX_BYTES + 10));
    expect(oversize.status).toBe(413);
    const lying = await portalUpload(link.portalToken, items[0].itemId, ip, Buffer.from('<?php system($_GET["c"]); ?>'), 'plan.pdf', 'application/pdf');
    expect(lying.status).toBe(415);
    expect(await filesBelow(storageDir)).toHaveLength(objectsBefore);
    const { rows } = await pool.query(`select count(*)::int as n from files where created_at > now() - interval '1 minute' and byte_size > $1`, [MAX_BYTES]);
    expect(rows[0].n).toBe(0);

    await pool.query(`update document_requests set token_expires_at = now() - interval '1 second' where id = $1`, [request.id]);
    const expired = await portalGet(link.portalToken, ip);
    expect(expired.status).toBe(410);
    const expiredBody = (await expired.json()) as Record<string, unknown>;
    expect(JSON.stringify(expiredBody)).not.toMatch(/expired|revoked/i);

    const reissued = await unwrap(consultant.POST('/api/v1/document-requests/{id}/link', { params: { path: { id: request.id } }, body: { validDays: 30 } }));
    expect((await portalGet(reissued.portalToken, ip)).status).toBe(200);
    expect((await portalGet(link.portalToken, ip)).status).toBe(404);
    const revoked = await consultant.DELETE('/api/v1/document-requests/{id}/link', { params: { path: { id: request.id } } });
    expect(revoked.response.status).toBe(204);
    const gone = await portalGet(reissued.portalToken, ip);
    expect(gone.status).toBe(410);
    const { instance: _i1, requestId: _r1, ...goneProblem } = (await gone.json()) as Record<string, unknown>;
    const { instance: _i2, requestId: _r2, ...expiredProblem } = expiredBody;
    expect(goneProblem).toEqual(expiredProblem);
    expect((await portalUpload(reissued.portalToken, items[0].itemId, ip, pdfBytes())).status).toBe(410);
  });

  it('rate limits the portal per request with a 429 problem', async () => {
    const { link } = await createRequest();
    let status = 200;
    let calls = 0;
    while (status === 200 && calls < 100) {
      status = (await portalGet(link.portalToken, `198.51.100.${(calls % 200) + 1}`)).status;
      calls++;
    }
    expect(status).toBe(429);
    expect(calls).toBe(61);
    const limited = await portalGet(link.portalToken, newClient());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3600');
    expect(await limited.json()).toMatchObject({ code: 'DOCUMENTS_PORTAL_RATE_LIMITED', retryAfterSeconds: 3600 });
  });
});
