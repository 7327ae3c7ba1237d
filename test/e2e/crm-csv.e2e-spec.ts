import { unwrap, type ApiClient, type Schemas } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedReferenceData } from './support/auth';
import { signIn } from './support/crm-api';

/** CSV over HTTP: import (dry run, then for real) and export with the list's filters. */
describe('CRM CSV over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: ApiClient;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    ({ client: admin, token } = await signIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD));
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const upload = (csv: string, query: string, contentType = 'text/csv; charset=utf-8') =>
    fetch(`${server.baseUrl}/api/v1/leads/import?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: csv });
  const download = (path: string) => fetch(`${server.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });

  const CSV = [
    'Source;First Name;Last Name;E-Mail;Phone;Interests;Living Area M2;Notes',
    'website_form;Jana;Kühn;jana@example.de;0351 123456;heat_pump|ventilation;98,5;ignored',
    'phone;=HYPERLINK("http://evil");Formel;formel@example.de;;;;',
    'unknown;Bad;Source;bad@example.de;;;;',
  ].join('\r\n');

  it('a dry run (the default) reports per-row errors and imports nothing', async () => {
    const response = await upload(CSV, '');
    expect(response.status).toBe(200);
    const report = (await response.json()) as Schemas['LeadImportReportDto'];
    expect(report).toMatchObject({ dryRun: true, rows: 3, valid: 2, invalid: 1, imported: 0, ignoredColumns: ['notes'] });
    expect(report.errors).toEqual([{ row: 4, field: 'source', message: expect.stringContaining('source must be one of') }]);
    expect((await unwrap(admin.GET('/api/v1/leads', { params: { query: { q: 'kühn' } } }))).items).toEqual([]);
  });

  it('a real run imports the valid rows and reports it', async () => {
    const report = (await (await upload(CSV, 'dryRun=false')).json()) as Schemas['LeadImportReportDto'];
    expect(report).toMatchObject({ dryRun: false, rows: 3, imported: 2, batches: 1, invalid: 1 });
    const [jana] = (await unwrap(admin.GET('/api/v1/leads', { params: { query: { q: 'kühn' } } }))).items;
    expect(jana).toMatchObject({ firstName: 'Jana', phone: '+49351123456', interests: ['heat_pump', 'ventilation'], livingAreaM2: 98.5 });
  });

  it('exports a filtered list as CSV that is safe to open in a spreadsheet', async () => {
    const response = await download('/leads/export?source=phone');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets read UTF-8 then
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,created_at,updated_at,source,status,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toContain('jana@example.de');
  });

  it('an export can be imported again (same headers): rows are recognised as duplicates', async () => {
    const exported = await (await download('/leads/export?q=kühn')).text();
    const report = (await (await upload(exported, 'dryRun=true')).json()) as Schemas['LeadImportReportDto'];
    expect(report).toMatchObject({ rows: 1, valid: 0, invalid: 1 });
    expect(report.errors[0]).toMatchObject({ field: 'email', message: expect.stringContaining('matches the existing lead') });
    expect(report.ignoredColumns).toEqual(expect.arrayContaining(['id', 'created_at', 'converted_contact_id']));
  });

  it('refuses other content types and files without the source column', async () => {
    expect((await upload('{}', '', 'application/json')).status).toBe(415);
    const missing = await upload('last_name\nX\n', '');
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ code: 'CRM_IMPORT_COLUMNS_MISSING' });
  });

  it('exports contacts, companies and activities the same way', async () => {
    for (const path of ['/contacts/export', '/companies/export', '/activities/export?type=call']) {
      const response = await download(path);
      expect(response.status).toBe(200);
      expect((await response.text()).split('\n')[0]).toMatch(/^id,created_at,/);
    }
  });
});
