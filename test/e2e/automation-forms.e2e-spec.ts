import type { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { runAutomationJobs } from '../support/automation-jobs';
import { drainOutbox } from '@libs/testing/outbox';
import { ADMIN_EMAIL, ADMIN_PASSWORD, httpClient, seedReferenceData } from './support/auth';

const ORIGIN = 'https://www.example.de';
const label = { de: 'Feld', en: 'Field' };

/**
 * Public forms over HTTP (through PgBouncer when it runs): versions and tokens, leads created the
 * CRM way and exactly once under parallel identical submissions, spam and invalid submissions kept
 * as rejected with nothing else changed, rate limits, CORS, and the seeded confirmation workflow.
 */
describe('public forms over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let pool: Pool;
  let http: ReturnType<typeof httpClient>;
  let token: string;

  const submit = (slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => http.post(`/public/forms/${slug}/submissions`, body, undefined, headers);
  const formToken = async (slug: string) => (await http.get(`/public/forms/${slug}`)).body.formToken as string;
  const count = async (sql: string, params: unknown[] = []) => (await pool.query<{ n: number }>(`select count(*)::int as n ${sql}`, params)).rows[0].n;

  async function createForm(settings: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const response = await http.post(
      '/forms',
      {
        name: { de: 'Rückruf', en: 'Call back' },
        kind: 'lead',
        fields: [
          { key: 'lastName', type: 'text', label, required: true, leadField: 'lastName' },
          { key: 'email', type: 'email', label, required: true, leadField: 'email' },
          { key: 'message', type: 'text', label, required: false, leadField: 'message' },
          { key: 'privacy', type: 'consent', label, required: true },
        ],
        consent: { version: '2026-12-a', text: { de: 'Ich willige ein.', en: 'I consent.' } },
        confirmation: { de: 'Danke!', en: 'Thank you!' },
        settings: { minFillSeconds: 0, honeypotField: 'website', maxPerIpPerHour: 30, maxPerFormPerHour: 500, ...settings },
        ...extra,
      },
      token,
    );
    expect(response.status).toBe(201);
    return response.body as { id: string; slug: string; version: number };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, configOverrides: { forms: { corsOrigins: [ORIGIN] } } });
    http = httpClient(server.baseUrl);
    token = (await http.login(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    pool = db.adminPool();
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  it('serves the seeded lead form with a token, and CORS only to the configured origin', async () => {
    const form = await http.get('/public/forms/energieberatung-anfragen', undefined, { origin: ORIGIN });
    expect(form.status).toBe(200);
    expect(form.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(form.body).toMatchObject({ slug: 'energieberatung-anfragen', version: 1, honeypotField: 'website', consent: { version: '2026-12' }, formToken: expect.any(String) });
    expect(form.body.fields.map((f: { key: string }) => f.key)).toContain('postcode');

    const preflight = await fetch(`${server.baseUrl}/api/v1/public/forms/energieberatung-anfragen/submissions`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    const foreign = await http.get('/public/forms/energieberatung-anfragen', undefined, { origin: 'https://evil.example' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const elsewhere = await http.get('/departments', token, { origin: ORIGIN });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect((await http.get('/public/forms/no-such-form')).status).toBe(404);
    expect((await http.get('/public/forms/NOT%20A%20SLUG')).status).toBe(400);
  });

  it('creates exactly one lead from 20 parallel identical submissions (same Idempotency-Key, then same e-mail)', async () => {
    const form = await createForm({});
    const answers = { lastName: 'Parallel', email: 'Parallel@Example.org', message: 'Bitte um Rückruf', privacy: true };
    const body = { formToken: await formToken(form.slug), answers, language: 'en', utm: { source: 'newsletter', campaign: 'winter' } };

    const replayed = await Promise.all(
      Array.from({ length: 20 }, () => submit(form.slug, body, { 'idempotency-key': 'same-visitor-click', 'x-forwarded-for': '198.51.100.1' })),
    );
    expect(replayed.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(replayed.map((r) => r.body.id)).size).toBe(1);
    expect(replayed[0].body).toMatchObject({ confirmation: { de: 'Danke!', en: 'Thank you!' }, message: 'Thank you!' });
    expect(await count(`from leads where email = 'parallel@example.org'`)).toBe(1);
    expect(await count(`from form_submissions where form_id = $1`, [form.id])).toBe(1);

    const answers2 = { ...answers, email: 'twenty@example.org' };
    const parallel = await Promise.all(
      Array.from({ length: 20 }, () => submit(form.slug, { ...body, answers: answers2 }, { 'x-forwarded-for': '198.51.100.2' })),
    );
    expect(parallel.map((r) => r.status)).toEqual(Array(20).fill(201));
    const { rows: leads } = await pool.query(`select id, source, preferred_language, last_name from leads where email = 'twenty@example.org'`);
    expect(leads).toEqual([{ id: expect.any(String), source: 'website_form', preferred_language: 'en', last_name: 'Parallel' }]);
    const { rows: links } = await pool.query(
      `select lead_created, count(*)::int as n, count(distinct lead_id)::int as leads from form_submissions where answers->>'email' = 'twenty@example.org' group by lead_created order by lead_created`,
    );
    expect(links).toEqual([{ lead_created: false, n: 19, leads: 1 }, { lead_created: true, n: 1, leads: 1 }]);
    expect(await count(`from activities where lead_id = $1 and subject = 'Erneute Anfrage über ein Webformular'`, [leads[0].id])).toBe(19);

    // The lead's created event carries the attribution; the submission the consent it was given with.
    const { rows: events } = await pool.query(`select payload->'attribution' as attribution from domain_events where aggregate_id = $1 and type = 'crm.lead.created'`, [leads[0].id]);
    expect(events[0].attribution).toEqual({ formId: form.id, formSubmissionId: expect.any(String), utm: { source: 'newsletter', campaign: 'winter' }, consentVersion: '2026-12-a' });
    const { rows: consent } = await pool.query(`select consent from form_submissions where id = $1`, [events[0].attribution.formSubmissionId]);
    expect(consent[0].consent).toEqual({ version: '2026-12-a', text: { de: 'Ich willige ein.', en: 'I consent.' }, language: 'en', givenAt: expect.any(String) });
  });

  it('answers spam like a success, keeps it as rejected with its reason, and changes nothing else', async () => {
    const before = { leads: await count('from leads'), events: await count(`from domain_events where type = 'automation.form.submitted'`) };
    const answers = { lastName: 'Bot', email: 'bot@example.org', postcode: '10115', privacy: true };
    const seededToken = await formToken('energieberatung-anfragen');
    // The seeded form wants at least 3 seconds between showing and sending.
    const tooFast = await submit('energieberatung-anfragen', { formToken: seededToken, answers }, { 'x-forwarded-for': '198.51.100.3' });
    expect(tooFast.status).toBe(201);
    expect(tooFast.body.message).toBe('Vielen Dank für Ihre Anfrage! Wir melden uns innerhalb von zwei Werktagen bei Ihnen.');
    const form = await createForm({});
    const honeypot = await submit(form.slug, { formToken: await formToken(form.slug), answers: { ...answers, website: 'https://spam.example' } }, { 'x-forwarded-for': '198.51.100.3' });
    expect(honeypot.status).toBe(201);

    const invalid = await submit(form.slug, { formToken: await formToken(form.slug), answers: { email: 'not-an-address', privacy: false, extra: 1 } }, { 'x-forwarded-for': '198.51.100.3' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ code: 'AUTOMATION_SUBMISSION_INVALID' });
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['answers.extra', 'answers.lastName', 'answers.email', 'answers.privacy']);
    const forged = await submit(form.slug, { formToken: 'forged.token', answers }, { 'x-forwarded-for': '198.51.100.3' });
    expect(forged.status).toBe(422);
    expect(forged.body.code).toBe('AUTOMATION_SUBMISSION_TOKEN_INVALID');

    expect(await count('from leads')).toBe(before.leads);
    expect(await count(`from domain_events where type = 'automation.form.submitted'`)).toBe(before.events);
    const rejected = await http.get(`/form-submissions?status=rejected&limit=10`, token);
    expect(rejected.status).toBe(200);
    const reasons = rejected.body.items.filter((s: { clientIp: string }) => s.clientIp === '198.51.100.3').map((s: { rejectionReason: string }) => s.rejectionReason);
    expect(reasons.sort()).toEqual(['honeypot', 'invalid', 'token_invalid', 'too_fast']);
    const invalidRow = rejected.body.items.find((s: { rejectionReason: string }) => s.rejectionReason === 'invalid');
    expect(invalidRow.errors).toHaveLength(4);
  });

  it('limits submissions per client address (429, not stored)', async () => {
    const form = await createForm({ maxPerIpPerHour: 2 });
    const send = async () => submit(form.slug, { formToken: await formToken(form.slug), answers: { lastName: 'Limit', email: 'limit@example.org', privacy: true } }, { 'x-forwarded-for': '198.51.100.4' });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('AUTOMATION_SUBMISSION_RATE_LIMITED');
    expect(await count(`from form_submissions where form_id = $1`, [form.id])).toBe(2);
    const other = await submit(form.slug, { formToken: await formToken(form.slug), answers: { lastName: 'Other', email: 'other@example.org', privacy: true } }, { 'x-forwarded-for': '198.51.100.5' });
    expect(other.status).toBe(201);
  });

  it('validates against the version the visitor saw, and records it', async () => {
    const form = await createForm({});
    const oldToken = await formToken(form.slug);
    const current = await http.get(`/forms/${form.id}`, token);
    const changed = await http.patch(
      `/forms/${form.id}`,
      { fields: [{ key: 'email', type: 'email', label, required: true, leadField: 'email' }], consent: null },
      token,
      { 'if-match': current.headers.get('etag') as string },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(form.version + 1);
    const response = await submit(form.slug, { formToken: oldToken, answers: { lastName: 'Version', email: 'version@example.org', privacy: true } }, { 'x-forwarded-for': '198.51.100.6' });
    expect(response.status).toBe(201);
    const { rows } = await pool.query(`select form_version, status from form_submissions where id = $1`, [response.body.id]);
    expect(rows[0]).toEqual({ form_version: form.version, status: 'accepted' });
  });

  it('the seeded confirmation workflow, once enabled, mails the new lead in its language into the local outbox', async () => {
    await drainOutbox(server.app); // the earlier tests' submissions, delivered while the workflow is off
    const flows = await http.get('/workflows?triggerEventType=automation.form.submitted', token);
    const confirmation = flows.body.items.find((w: { name: { en: string } }) => w.name.en === 'Confirmation of website enquiries');
    expect(confirmation).toMatchObject({ enabled: false });
    const enabled = await http.patch(`/workflows/${confirmation.id}`, { enabled: true }, token, { 'if-match': `"${confirmation.id}:${confirmation.version}"` });
    expect(enabled.status).toBe(200);

    const form = await createForm({});
    const response = await submit(form.slug, { formToken: await formToken(form.slug), answers: { lastName: 'Englisch', email: 'english@example.org', privacy: true }, language: 'en' }, { 'x-forwarded-for': '198.51.100.7' });
    expect(response.status).toBe(201);
    await drainOutbox(server.app);
    await runAutomationJobs(server.app);
    const outbox = await http.get('/automation/outbox?transport=outbox', token);
    expect(outbox.status).toBe(200);
    expect(outbox.body.items.filter((m: { to: string }) => m.to === 'english@example.org')).toEqual([
      expect.objectContaining({ transport: 'outbox', language: 'en', subject: 'Your energy consulting enquiry', text: expect.stringContaining('Hello Englisch') }),
    ]);
    const runs = await http.get(`/workflow-runs?workflowId=${confirmation.id}`, token);
    expect(runs.body.items).toEqual([expect.objectContaining({ status: 'succeeded', eventType: 'automation.form.submitted' })]);
  });
});
