import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { seedUuid } from '../../src/db/seeds/seed-utils';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedReferenceData } from './support/auth';
import { signIn } from './support/crm-api';
import { eventually, filesBelow, multipartBody, pdfBytes } from './support/documents-api';

const MAX_BYTES = 256 * 1024;

/** Files over HTTP: streamed multipart uploads with limits and sniffing, documents, downloads. */
describe('documents: files and documents over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let storageDir: string;
  let token: string;
  let pool: Pool;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'renewa-files-'));
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, configOverrides: { storage: { localDir: storageDir, maxUploadBytes: MAX_BYTES } } });
    ({ token } = await signIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD));
    pool = db.adminPool();
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
  const upload = (bytes: Buffer, filename: string, contentType: string) => {
    const multipart = multipartBody(bytes, filename, contentType);
    return api('/files', { method: 'POST', headers: { 'content-type': multipart.contentType }, body: new Uint8Array(multipart.body) });
  };
  const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) });
  const fileRows = async () => Number((await pool.query('select count(*) from files')).rows[0].count);
  const typeId = (key: string) => seedUuid('documentTypes', `${key}:2025-01-01`);

  async function createContact(): Promise<string> {
    const response = await api('/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ firstName: 'Jana', lastName: 'Kühn' }) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  it('streams an upload in, sniffs its type and stores its SHA-256 and sanitised name', async () => {
    const bytes = pdfBytes(100_000);
    const response = await upload(bytes, '../Grundriss: EG?.pdf', 'application/octet-stream');
    expect(response.status).toBe(201);
    const file = (await response.json()) as Record<string, unknown>;
    expect(file).toMatchObject({ filename: 'Grundriss_ EG_.pdf', contentType: 'application/pdf', byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await filesBelow(storageDir)).toHaveLength(1);
  });

  it('refuses a file whose bytes are not an allowed type with 415, leaving no row and no object', async () => {
    const [rowsBefore, objectsBefore] = [await fileRows(), (await filesBelow(storageDir)).length];
    const response = await upload(Buffer.from('<?php system($_GET["c"]); ?>'), 'evil.pdf', 'application/pdf');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'DOCUMENTS_FILE_TYPE_NOT_ALLOWED' });
    const gif = await upload(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'x.gif', 'image/gif');
    expect(gif.status).toBe(415);
    expect(await fileRows()).toBe(rowsBefore);
    expect(await filesBelow(storageDir)).toHaveLength(objectsBefore);
  });

  it('accepts CSV declared as CSV, and refuses JSON bodies with 415', async () => {
    const csv = await upload(Buffer.from('Zähler;Stand\r\nStrom;1234\r\n'), 'zaehler.csv', 'text/csv');
    expect(csv.status).toBe(201);
    expect(await csv.json()).toMatchObject({ contentType: 'text/csv' });
    const notMultipart = await api('/files', { method: 'POST', ...json({ file: 'x' }), headers: { 'content-type': 'application/json' } });
    expect(notMultipart.status).toBe(415);
    const noBoundary = await api('/files', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: '{"file":"x"}' });
    expect(noBoundary.status).toBe(400);
    expect(await noBoundary.json()).toMatchObject({ code: 'DOCUMENTS_UPLOAD_MALFORMED' });
  });

  it('answers 413 past the size limit, leaving no row and no object', async () => {
    const [rowsBefore, objectsBefore] = [await fileRows(), (await filesBelow(storageDir)).length];
    const response = await upload(pdfBytes(MAX_BYTES), 'big.pdf', 'application/pdf');
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'DOCUMENTS_FILE_TOO_LARGE' });
    expect(await fileRows()).toBe(rowsBefore);
    expect(await filesBelow(storageDir)).toHaveLength(objectsBefore);
  });

  it('an upload aborted mid-stream leaves no row and removes the partly written object', async () => {
    const rowsBefore = await fileRows();
    const objectsBefore = (await filesBelow(storageDir)).length;
    const { body, contentType } = multipartBody(pdfBytes(200_000), 'abort.pdf', 'application/pdf');
    const url = new URL(`${server.baseUrl}/api/v1/files`);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length } });
    req.on('error', () => undefined);
    // Past the sniffed head, so the object is being written when the client goes away.
    req.write(body.subarray(0, 150_000));
    await eventually(async () => (await filesBelow(storageDir)).length > objectsBefore);
    req.destroy();
    await eventually(async () => (await filesBelow(storageDir)).length === objectsBefore);
    expect(await fileRows()).toBe(rowsBefore);
  });

  it('creates a document, lists it by record, downloads it with ETag, ranges and versions, and keeps invoices', async () => {
    const contactId = await createContact();
    const bytes = pdfBytes(5_000, 'Plan');
    const file = (await (await upload(bytes, 'Plan.pdf', 'application/pdf')).json()) as { id: string; sha256: string };
    const created = await api('/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileId: file.id, typeId: typeId('floor_plan'), title: { de: 'Grundriss', en: 'Floor plan' }, links: [{ type: 'contact', id: contactId }] }),
    });
    expect(created.status).toBe(201);
    const document = (await created.json()) as { id: string; version: number; retainUntil: string | null };
    expect(document.retainUntil).toBeNull();

    const reused = await api('/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileId: file.id, typeId: typeId('other'), title: { de: 'x', en: 'x' }, links: [{ type: 'contact', id: contactId }] }),
    });
    expect(reused.status).toBe(404);

    const page = (await (await api(`/documents?linkType=contact&linkId=${contactId}`)).json()) as { items: { id: string; links: unknown[] }[] };
    expect(page.items.map((item) => item.id)).toEqual([document.id]);
    expect(page.items[0].links).toEqual([{ type: 'contact', id: contactId }]);

    const download = await api(`/documents/${document.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers.get('etag')).toBe(`"${file.sha256}"`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Plan.pdf"; filename*=UTF-8''Plan.pdf`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const notModified = await api(`/documents/${document.id}/content`, { headers: { 'if-none-match': `"${file.sha256}"` } });
    expect(notModified.status).toBe(304);
    const range = await api(`/documents/${document.id}/content`, { headers: { range: 'bytes=1-4' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 1-4/${bytes.length}`);
    expect(await range.text()).toBe('PDF-');
    expect((await api(`/documents/${document.id}/content`, { headers: { range: `bytes=${bytes.length}-` } })).status).toBe(416);

    const second = pdfBytes(10, 'Plan v2');
    const secondFile = (await (await upload(second, 'Plan v2.pdf', 'application/pdf')).json()) as { id: string };
    const versioned = await api(`/documents/${document.id}/versions`, { method: 'POST', headers: { 'content-type': 'application/json', 'if-match': `"${document.id}:${document.version}"` }, body: JSON.stringify({ fileId: secondFile.id }) });
    expect(versioned.status).toBe(200);
    expect(await versioned.json()).toMatchObject({ currentVersion: 2, fileId: secondFile.id });
    expect(Buffer.from(await (await api(`/documents/${document.id}/content`)).arrayBuffer()).equals(second)).toBe(true);
    expect(Buffer.from(await (await api(`/documents/${document.id}/content?version=1`)).arrayBuffer()).equals(bytes)).toBe(true);
    const detail = (await (await api(`/documents/${document.id}`)).json()) as { version: number; versions: { versionNumber: number }[] };
    expect(detail.versions.map((v) => v.versionNumber)).toEqual([1, 2]);

    const deleted = await api(`/documents/${document.id}`, { method: 'DELETE', headers: { 'if-match': `"${document.id}:${detail.version}"` } });
    expect(deleted.status).toBe(204);

    const invoiceFile = (await (await upload(pdfBytes(10, 'Rechnung'), 'Rechnung.pdf', 'application/pdf')).json()) as { id: string };
    const invoiceId = '00000000-0000-4000-8000-0000000000a1';
    const invoiceDoc = (await (
      await api('/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fileId: invoiceFile.id, typeId: typeId('invoice_pdf'), title: { de: 'Rechnung', en: 'Invoice' }, documentDate: '2026-11-20', links: [{ type: 'invoice', id: invoiceId }, { type: 'contact', id: contactId }] }),
      })
    ).json()) as { id: string; version: number; retainUntil: string };
    expect(invoiceDoc.retainUntil).toBe('2034-12-31');
    const refused = await api(`/documents/${invoiceDoc.id}`, { method: 'DELETE', headers: { 'if-match': `"${invoiceDoc.id}:${invoiceDoc.version}"` } });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'DOCUMENTS_DOCUMENT_RETAINED' });
  });
});
