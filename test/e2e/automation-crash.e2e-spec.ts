import type { Pool } from 'pg';
import { createTestDatabase, freePort, startServerProcess, ServerProcess, TestDatabase } from '@libs/testing';
import { startTestHttpReceiver, startTestSmtpServer, TestHttpReceiver, TestSmtpServer } from '@libs/testing/automation';
import { ADMIN_EMAIL, ADMIN_PASSWORD, httpClient, seedReferenceData } from './support/auth';

const SECRET = 'whsec_crash_test_0123456789';

/**
 * The built server as a process with its relay and job worker on: a SIGKILL while a webhook call
 * is in flight loses nothing (the job expires and is retried after the restart, with the same
 * idempotency key) and repeats nothing already done (the mail before it is not sent again); a wait
 * step scheduled before a SIGKILL fires after the restart.
 */
describe('automation across crashes and restarts (server process)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let smtp: TestSmtpServer;
  let receiver: TestHttpReceiver;
  let port: number;
  let running: ServerProcess | undefined;

  async function start(): Promise<ReturnType<typeof httpClient>> {
    running = startServerProcess({
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.bouncerUrl ?? db.appUrl,
      DATABASE_URL_MIGRATION: db.migrationUrl,
      AUTO_SEED: 'false',
      JWT_SECRET: 'j'.repeat(40),
      AUTOMATION_SECRET_KEY: 'a'.repeat(40),
      OUTBOX_RELAY_ENABLED: 'true',
      OUTBOX_POLL_MS: '100',
      AUTOMATION_WORKER_ENABLED: 'true',
      AUTOMATION_POLL_MS: '500',
      AUTOMATION_JOB_TIMEOUT_SECONDS: '2',
      AUTOMATION_MAINTENANCE_SECONDS: '1',
      AUTOMATION_RETRY_DELAY_SECONDS: '1',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      SMTP_URL: smtp.url,
    });
    await running.waitForLog(/API listening/);
    return httpClient(`http://127.0.0.1:${port}`);
  }

  async function kill(): Promise<void> {
    running?.child.kill('SIGKILL');
    expect(await running?.exited).toEqual({ code: null, signal: 'SIGKILL' });
    running = undefined;
  }

  async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const stepsOf = async (workflowId: string) =>
    (await pool.query(`select s.position, s.status, s.attempts, s.run_after, r.status as run_status from workflow_run_steps s join workflow_runs r on r.id = s.run_id where r.workflow_id = $1 order by s.position`, [workflowId])).rows;

  async function setUp(http: ReturnType<typeof httpClient>, actions: object[]): Promise<{ workflowId: string }> {
    const { accessToken } = await http.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const flow = await http.post('/workflows', { name: { de: 'Absturz', en: 'Crash' }, triggerEventType: 'crm.lead.created', actions, enabled: true }, accessToken);
    expect(flow.status).toBe(201);
    const lead = await http.post('/leads', { source: 'phone', lastName: 'Absturz', email: `crash-${flow.body.id.slice(0, 8)}@example.org` }, accessToken);
    expect(lead.status).toBe(201);
    return { workflowId: flow.body.id };
  }

  beforeAll(async () => {
    [db, smtp, receiver, port] = await Promise.all([createTestDatabase(), startTestSmtpServer(), startTestHttpReceiver(), freePort()]);
    await seedReferenceData(db);
    pool = db.adminPool();
  }, 60_000);

  afterAll(async () => {
    if (running) await kill();
    await pool?.end();
    await Promise.all([smtp?.close(), receiver?.close()]);
    await db?.drop();
  }, 60_000);

  it('a SIGKILL during a webhook call neither loses it nor repeats the mail sent before it', async () => {
    receiver.respondWith([0]); // the first call is never answered: the server dies while waiting
    const http = await start();
    const { workflowId } = await setUp(http, [
      { type: 'send_email', recipient: { kind: 'fixed', address: 'office@example.org' }, template: { subject: { de: 'Neuer Lead', en: 'New lead' }, body: { de: 'x', en: 'x' } } },
      { type: 'call_webhook', url: receiver.url, secret: SECRET },
    ]);
    await receiver.waitForRequests(1);
    await kill();
    expect(await stepsOf(workflowId)).toEqual([
      expect.objectContaining({ position: 0, status: 'succeeded', attempts: 1 }),
      expect.objectContaining({ position: 1, status: 'running', attempts: 1, run_status: 'running' }),
    ]);
    expect(smtp.messages).toHaveLength(1);

    await start();
    const steps = await until('the run to finish', async () => {
      const rows = await stepsOf(workflowId);
      return rows[1]?.status === 'succeeded' ? rows : undefined;
    });
    expect(steps.map((s) => [s.status, s.attempts, s.run_status])).toEqual([
      ['succeeded', 1, 'succeeded'],
      ['succeeded', 2, 'succeeded'],
    ]);
    // At least once, de-duplicated by key: the receiver saw the call twice with one key, and accepted one.
    expect(receiver.requests).toHaveLength(2);
    expect(new Set(receiver.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(receiver.requests.map((r) => r.status)).toEqual([0, 200]);
    expect(smtp.messages).toHaveLength(1);
    expect((await pool.query(`select count(*)::int as n from workflow_runs where workflow_id = $1`, [workflowId])).rows[0].n).toBe(1);
    await kill();
  }, 90_000);

  it('a wait scheduled before a SIGKILL fires after the restart', async () => {
    receiver.requests.length = 0;
    const http = await start();
    const { workflowId } = await setUp(http, [
      { type: 'wait', seconds: 3 },
      { type: 'call_webhook', url: receiver.url, secret: SECRET },
    ]);
    const [wait] = await until('the wait to be scheduled', async () => {
      const rows = await stepsOf(workflowId);
      return rows[0]?.status === 'queued' ? rows : undefined;
    });
    await kill();
    expect(receiver.requests.filter((r) => JSON.parse(r.body).workflowId === workflowId)).toHaveLength(0);

    await start();
    const steps = await until('the run to finish', async () => {
      const rows = await stepsOf(workflowId);
      return rows[1]?.status === 'succeeded' ? rows : undefined;
    });
    expect(steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded']);
    // (The first test's workflow reacts to this lead too; only this workflow's calls count here.)
    const calls = receiver.requests.filter((r) => JSON.parse(r.body).workflowId === workflowId);
    expect(calls).toHaveLength(1);
    const sentAt = Number(calls[0].headers['x-renewa-timestamp']) * 1000;
    expect(sentAt).toBeGreaterThanOrEqual(Math.floor(new Date(wait.run_after).getTime() / 1000) * 1000);
  }, 90_000);
});
