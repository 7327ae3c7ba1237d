import { runAsActor } from '@libs/context';
import { EventOutbox } from '@libs/events';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { failingAggregates, PROBES_DDL, ProbeSubscribersModule, sqlAs, transactionHost } from '@libs/testing/outbox-probes';
import { ADMIN_EMAIL, ADMIN_PASSWORD, httpClient, PROBLEM_JSON, seedReferenceData } from './support/auth';

const BROKEN = '00000000-0000-4000-8000-0000000dead1';

describe('dead letters over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let api: ReturnType<typeof httpClient>;
  let token: string;
  let eventId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await sqlAs(db.migrationUrl, PROBES_DDL);
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, imports: [ProbeSubscribersModule] });
    api = httpClient(server.baseUrl);
    token = (await api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;

    failingAggregates.add(BROKEN);
    await runAsActor(() =>
      transactionHost(server.app).withTransaction(() =>
        server.app.get(EventOutbox).append({ type: 'test.probe.created', aggregateType: 'probe', aggregateId: BROKEN, payload: {} }),
      ),
    );
    await drainOutbox(server.app);
    // Fast-forward through the remaining attempts: the relay's retry schedule has its own test.
    [{ event_id: eventId }] = await sqlAs<{ event_id: string }>(
      db.adminUrl,
      `update event_deliveries set status = 'dead', attempts = 10 where subscriber = 'test.probe' returning event_id`,
    );
  });

  afterAll(async () => {
    failingAggregates.clear();
    await server?.close();
    await db?.drop();
  });

  it('lists dead letters with the last error', async () => {
    const { status, body } = await api.get('/dead-letters', token);
    expect(status).toBe(200);
    expect(body).toEqual({
      items: [
        expect.objectContaining({
          eventId,
          subscriber: 'test.probe',
          eventType: 'test.probe.created',
          aggregateId: BROKEN,
          attempts: 10,
          lastError: `Error: probe failure for ${BROKEN}`,
        }),
      ],
      nextCursor: null,
    });
  });

  it('replays one: 202, delivered by the next drain, and the replay is audited with its actor', async () => {
    failingAggregates.delete(BROKEN);
    const replay = await api.post(`/dead-letters/${eventId}/test.probe/replay`, undefined, token, { 'x-request-id': 'req-replay-1' });
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ eventId, subscriber: 'test.probe', status: 'pending' });
    expect((await api.get('/dead-letters', token)).body.items).toEqual([]);

    await drainOutbox(server.app);
    expect(await sqlAs(db.adminUrl, `select status from event_deliveries where subscriber = 'test.probe'`)).toEqual([{ status: 'delivered' }]);
    const audit = await api.get('/audit-logs?action=platform.dead-letter.replayed', token);
    expect(audit.body.items).toEqual([expect.objectContaining({ entityType: 'event-delivery', requestId: 'req-replay-1' })]);
  });

  it.each([
    ['a delivery that is not dead', () => `/dead-letters/${eventId}/test.probe/replay`, 409, 'EVENTS_DELIVERY_NOT_DEAD'],
    ['an unknown delivery', () => `/dead-letters/${eventId}/audit.nothing/replay`, 404, 'EVENTS_DEAD_LETTER_NOT_FOUND'],
    ['a malformed event id', () => '/dead-letters/42/test.probe/replay', 400, 'VALIDATION_FAILED'],
  ])('refuses to replay %s', async (_case, path, status, code) => {
    const response = await api.post(path(), undefined, token);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(response.body.code).toBe(code);
  });

  it('needs a signed-in user with the permission', async () => {
    expect((await api.get('/dead-letters')).status).toBe(401);
    expect((await api.post(`/dead-letters/${eventId}/test.probe/replay`, undefined)).status).toBe(401);
  });
});
