import { Pool } from 'pg';
import { SYSTEM_ACTOR_ID } from '@libs/context';
import { asActor, grantAll } from '@libs/testing/actor';
import { startTestApp, TestApp } from '@libs/testing/app';
import { createTestDatabase, TestDatabase } from '@libs/testing/database';
import { makeAutomationJobsDue, startTestHttpReceiver, startTestSmtpServer, TestHttpReceiver, TestSmtpServer } from '@libs/testing/automation';
import { runAutomationJobs } from '../../../../test/support/automation-jobs';
import { seedDatabase } from '@libs/testing/module-context';
import { drainOutbox } from '@libs/testing/outbox';
import { crmPermissions } from '../../crm';
import { LeadsService } from '../../crm/leads/leads.service';
import { automationPermissions } from '../automation.permissions';
import { WorkflowRunsService } from '../runs/workflow-runs.service';
import { WorkflowActionDto } from '../workflows/workflow.dto';
import { WorkflowTester } from '../workflows/workflow-test.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { verifyWebhookSignature } from './webhook-signature';

const SECRET = 'whsec_automation_test_0123456789';

/**
 * Event → workflow → action, through the real relay, pg-boss jobs (run in the test), a real SMTP
 * server and a real HTTP receiver: mails in the recipient's language, signed webhooks retried with
 * one delivery, dead letters, retry and cancel through the service, test mode without side effects.
 */
describe('workflow engine (PostgreSQL, SMTP, HTTP)', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: Pool;
  let smtp: TestSmtpServer;
  let receiver: TestHttpReceiver;
  const actor = { id: SYSTEM_ACTOR_ID, grants: { ...grantAll(crmPermissions.keys, 'all'), ...grantAll(automationPermissions.keys, 'all') } };
  const as = <T>(fn: () => Promise<T>) => asActor(actor, fn);
  const get = <T>(type: new (...args: never[]) => T) => server.app.get(type, { strict: false });

  beforeAll(async () => {
    [smtp, receiver, db] = await Promise.all([startTestSmtpServer(), startTestHttpReceiver(), createTestDatabase()]);
    await seedDatabase(db);
    admin = new Pool({ connectionString: db.adminUrl, max: 2 });
    server = await startTestApp({
      databaseUrl: db.bouncerUrl ?? db.appUrl,
      configOverrides: { mail: { smtpUrl: smtp.url }, automation: { webhookAllowHttp: true, webhookAllowPrivateNetworks: true, retryLimit: 2, retryDelaySeconds: 1 } },
    });
  });

  afterAll(async () => {
    await server?.close();
    await admin?.end();
    await Promise.all([smtp?.close(), receiver?.close(), db?.drop()]);
  });

  async function workflow(actions: object[], conditions: object[] = [], triggerEventType = 'crm.lead.created') {
    return as(() =>
      get(WorkflowsService).create({ name: { de: 'Test', en: 'Test' }, triggerEventType, conditions: conditions as never, actions: actions as WorkflowActionDto[], enabled: true }),
    );
  }

  async function lead(fields: Record<string, unknown>) {
    return as(() => get(LeadsService).create({ source: 'phone', allowDuplicates: true, ...fields } as never));
  }

  async function runsOf(workflowId: string) {
    return (await as(() => get(WorkflowRunsService).list({ limit: 50, workflowId }))).items;
  }

  async function disable(id: string) {
    const current = await as(() => get(WorkflowsService).get(id));
    await as(() => get(WorkflowsService).update(id, current.version, { enabled: false }));
  }

  it('mails a new lead through SMTP in its language, once, however often the event is delivered', async () => {
    const flow = await workflow(
      [
        {
          type: 'send_email',
          recipient: { kind: 'lead' },
          template: {
            subject: { de: 'Ihre Anfrage, {{ recipient.name }}', en: 'Your enquiry, {{ recipient.name }}' },
            body: { de: 'Guten Tag {{ recipient.name }}', en: 'Hello {{ recipient.name }}, about your {{ event.payload.snapshot.buildingType }}.' },
          },
        },
      ],
      [{ path: 'payload.snapshot.preferredLanguage', op: 'eq', value: 'en' }],
    );
    const created = await lead({ firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.org', preferredLanguage: 'en', buildingType: 'terraced' });
    await lead({ lastName: 'Ohne Englisch', email: 'de@example.org' });
    await drainOutbox(server.app);
    expect(smtp.messages).toHaveLength(0); // actions run in jobs, outside the relay

    expect(await runAutomationJobs(server.app)).toEqual({ completed: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.to).toMatchObject({ text: 'jane.doe@example.org' });
    expect(mail.subject).toBe('Your enquiry, Jane Doe');
    expect(mail.text?.trim()).toBe('Hello Jane Doe, about your terraced.');
    expect(mail.headers.get('content-language')).toBe('en');
    const [run] = await runsOf(flow.id);
    expect(run).toMatchObject({ status: 'succeeded', eventType: 'crm.lead.created', workflowVersion: flow.version });
    expect(run.steps).toEqual([expect.objectContaining({ type: 'send_email', status: 'succeeded', attempts: 1 })]);
    expect(mail.headers.get('x-idempotency-key')).toBe(run.steps[0].idempotencyKey);
    expect(mail.messageId).toBe(run.steps[0].result?.messageId);

    // The same event delivered again (a replay) starts nothing: one run per (workflow, event).
    const { rows } = await admin.query(`select * from domain_events where aggregate_id = $1 and type = 'crm.lead.created'`, [created.id]);
    await admin.query(`update event_deliveries set status = 'pending', next_attempt_at = now() where event_id = $1 and subscriber = 'automation.triggers'`, [rows[0].id]);
    await drainOutbox(server.app);
    await runAutomationJobs(server.app);
    expect(await runsOf(flow.id)).toHaveLength(1);
    expect(smtp.messages).toHaveLength(1);
    await disable(flow.id);
  });

  it('calls a webhook that fails twice: three attempts, one accepted delivery, every one signed with the same key', async () => {
    const flow = await workflow([{ type: 'call_webhook', url: receiver.url, secret: SECRET }]);
    receiver.requests.length = 0;
    receiver.respondWith([500, 503]);
    const created = await lead({ lastName: 'Webhook', email: 'webhook@example.org' });
    await drainOutbox(server.app);

    expect(await runAutomationJobs(server.app)).toEqual({ completed: 0, failed: 1 });
    let [run] = await runsOf(flow.id);
    expect(run.steps[0]).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('500') });
    expect(await runAutomationJobs(server.app)).toEqual({ completed: 0, failed: 0 }); // the retry waits for its backoff
    await makeAutomationJobsDue(db.adminUrl);
    expect(await runAutomationJobs(server.app)).toEqual({ completed: 0, failed: 1 });
    await makeAutomationJobsDue(db.adminUrl);
    expect(await runAutomationJobs(server.app)).toEqual({ completed: 1, failed: 0 });

    expect(receiver.requests.map((r) => r.status)).toEqual([500, 503, 200]);
    [run] = await runsOf(flow.id);
    expect(run).toMatchObject({ status: 'succeeded' });
    expect(run.steps[0]).toMatchObject({ status: 'succeeded', attempts: 3, lastError: null, result: { status: 200 } });
    for (const request of receiver.requests) {
      expect(request.headers['idempotency-key']).toBe(run.steps[0].idempotencyKey);
      const signed = { signature: request.headers['x-renewa-signature'] as string, timestamp: request.headers['x-renewa-timestamp'] as string };
      expect(verifyWebhookSignature(SECRET, signed, request.body)).toBe(true);
      expect(verifyWebhookSignature('another-secret-0123456789', signed, request.body)).toBe(false);
      expect(JSON.parse(request.body)).toMatchObject({ type: 'crm.lead.created', aggregateId: created.id, runId: run.id, workflowId: flow.id });
    }
    // The secret is stored encrypted and never returned.
    const { rows } = await admin.query(`select actions::text as actions from workflows where id = $1`, [flow.id]);
    expect(rows[0].actions).not.toContain(SECRET);
    expect((await as(() => get(WorkflowsService).get(flow.id))).actions[0]).toEqual({ type: 'call_webhook', url: receiver.url, secretSet: true });
    await disable(flow.id);
  });

  it('dead-letters a step whose retries are spent, fails its run, and retries it on request', async () => {
    const flow = await workflow([{ type: 'call_webhook', url: receiver.url, secret: SECRET }, { type: 'create_activity', activityType: 'note', subjectKind: 'lead', subject: 'Webhook erledigt' }]);
    receiver.requests.length = 0;
    receiver.respondWith([500, 500, 500]);
    const created = await lead({ lastName: 'Dead', email: 'dead@example.org' });
    await drainOutbox(server.app);
    for (let attempt = 0; attempt < 3; attempt++) {
      await makeAutomationJobsDue(db.adminUrl);
      await runAutomationJobs(server.app);
    }
    let [run] = await runsOf(flow.id);
    expect(run).toMatchObject({ status: 'failed', lastError: expect.stringContaining('step 0 (call_webhook)') });
    expect(run.steps.map((s) => [s.status, s.attempts])).toEqual([['dead', 3], ['cancelled', 0]]);
    const { rows: dead } = await admin.query(`select count(*)::int as n from pgboss.job where name = 'automation-dead'`);
    expect(dead[0].n).toBe(1);

    run = await as(() => get(WorkflowRunsService).retry(run.id));
    expect(run.status).toBe('running');
    expect(await runAutomationJobs(server.app)).toEqual({ completed: 2, failed: 0 });
    [run] = await runsOf(flow.id);
    expect(run.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded']);
    expect(run.status).toBe('succeeded');
    const { rows: notes } = await admin.query(`select subject, created_by from activities where lead_id = $1`, [created.id]);
    expect(notes).toEqual([{ subject: 'Webhook erledigt', created_by: SYSTEM_ACTOR_ID }]);
    await disable(flow.id);
  });

  it('a wait step’s job is due only when the wait ends, and a cancelled run sends nothing', async () => {
    const flow = await workflow([
      { type: 'wait', seconds: 3600 },
      { type: 'send_email', recipient: { kind: 'fixed', address: 'office@example.org' }, template: { subject: { de: 'Erinnerung', en: 'Reminder' }, body: { de: 'x', en: 'x' } } },
    ]);
    const before = smtp.messages.length;
    await lead({ lastName: 'Waiting', email: 'wait@example.org' });
    await drainOutbox(server.app);
    expect(await runAutomationJobs(server.app)).toEqual({ completed: 0, failed: 0 });
    let [run] = await runsOf(flow.id);
    expect(run.steps[0]).toMatchObject({ status: 'queued' });
    expect(new Date(run.steps[0].runAfter as Date).getTime()).toBeGreaterThan(Date.now() + 3500_000);

    run = await as(() => get(WorkflowRunsService).cancel(run.id));
    expect(run).toMatchObject({ status: 'cancelled' });
    expect(run.steps.map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    await makeAutomationJobsDue(db.adminUrl);
    await runAutomationJobs(server.app);
    expect(smtp.messages.length).toBe(before);
    await disable(flow.id);
  });

  it('sets an allowed lead field through the CRM, and the change is the CRM’s own audited event', async () => {
    const flow = await workflow([{ type: 'update_field', entity: 'lead', field: 'status', value: 'contacted' }], [{ path: 'payload.snapshot.lastName', op: 'eq', value: 'Feld' }]);
    const created = await lead({ lastName: 'Feld', email: 'feld@example.org' });
    await drainOutbox(server.app);
    await runAutomationJobs(server.app);
    const { rows } = await admin.query(`select status from leads where id = $1`, [created.id]);
    expect(rows[0].status).toBe('contacted');
    await drainOutbox(server.app);
    const { rows: audit } = await admin.query(`select actor_id, changes from audit_logs where entity_id = $1 and action = 'crm.lead.updated'`, [created.id]);
    expect(audit).toEqual([{ actor_id: SYSTEM_ACTOR_ID, changes: expect.objectContaining({ status: { before: 'new', after: 'contacted' } }) }]);
    await disable(flow.id);
  });

  it('test mode shows what a workflow would do and does none of it', async () => {
    const flow = await workflow([
      { type: 'send_email', recipient: { kind: 'lead' }, template: { subject: { de: 'Hallo {{ recipient.name }}', en: 'Hi' }, body: { de: 'Text', en: 'Text' } } },
      { type: 'call_webhook', url: receiver.url, secret: SECRET },
      { type: 'wait', untilPath: 'payload.startsAt', offsetSeconds: -86_400 },
    ]);
    await disable(flow.id);
    const created = await lead({ firstName: 'Tina', lastName: 'Test', email: 'tina@example.org' });
    const counts = async () => (await admin.query(`select (select count(*) from outbound_mails)::int as mails, (select count(*) from workflow_runs)::int as runs, (select count(*) from pgboss.job)::int as jobs`)).rows[0];
    const before = await counts();
    const requests = receiver.requests.length;
    const result = await as(() => get(WorkflowTester).test(flow.id, { event: { aggregateId: created.id, payload: { startsAt: '2030-05-02T10:00:00Z' } } }));
    expect(result).toEqual({
      matched: true,
      failedConditions: [],
      steps: [
        { position: 0, type: 'send_email', wouldDo: { to: 'tina@example.org', language: 'de', subject: 'Hallo Tina Test', text: 'Text' }, error: null },
        { position: 1, type: 'call_webhook', wouldDo: expect.objectContaining({ url: receiver.url }), error: null },
        { position: 2, type: 'wait', wouldDo: { until: '2030-05-01T10:00:00.000Z' }, error: null },
      ],
    });
    const withoutLead = await as(() => get(WorkflowTester).test(flow.id, {}));
    expect(withoutLead.steps[0]).toMatchObject({ wouldDo: null, error: expect.stringMatching(/^the lead .* does not exist$/) });
    expect(await counts()).toEqual(before);
    expect(receiver.requests.length).toBe(requests);
  });

  it('refuses a trigger outside the catalogue and a broken definition with each field’s problem', async () => {
    await expect(workflow([{ type: 'wait', seconds: 5 }], [], 'crm.lead.exploded')).rejects.toMatchObject({ code: 'AUTOMATION_UNKNOWN_EVENT_TYPE' });
    await expect(workflow([{ type: 'call_webhook', url: 'ftp://x' }])).rejects.toMatchObject({
      code: 'AUTOMATION_WORKFLOW_INVALID',
      errors: [
        { path: 'actions[0].url', message: 'a webhook URL must use https' },
        { path: 'actions[0].secret', message: 'call_webhook needs a secret (16–200 characters)' },
      ],
    });
  });
});
