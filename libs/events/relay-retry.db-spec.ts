import type { INestApplicationContext } from '@nestjs/common';
import { runAsActor } from '@libs/context';
import { AppError } from '@libs/http';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { drainOutbox } from '@libs/testing/outbox';
import { createEventsTestApp, failingAggregates, PROBES_DDL, sqlAs, transactionHost } from '@libs/testing/outbox-probes';
import { DEFAULT_RETRY_POLICY } from './backoff';
import { DeadLetters } from './dead-letters';
import { EventOutbox } from './event-outbox';
import { EventsClock } from './events-clock';

const ADMIN = '33333333-3333-4333-8333-333333333333';
const FAILING = '00000000-0000-4000-8000-00000000f00d';

interface DeliveryRow {
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
}

/** Retries run on the relay's clock: the test moves it instead of sleeping. */
describe('OutboxRelay retries, dead letters and replay', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let now: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    await sqlAs(db.migrationUrl, PROBES_DDL);
    app = await createEventsTestApp(db.bouncerUrl ?? db.appUrl);
    now = Date.now();
    jest.spyOn(app.get(EventsClock), 'now').mockImplementation(() => new Date(now));
    failingAggregates.add(FAILING);
  });

  afterAll(async () => {
    failingAggregates.clear();
    await app?.close();
    await db?.drop();
  });

  const probeDelivery = async () =>
    (await sqlAs<DeliveryRow & { event_id: string }>(db.adminUrl, `select * from event_deliveries where subscriber = 'test.probe'`))[0];

  it('retries a failing subscriber with exponential backoff and dead-letters it after the last attempt', async () => {
    await runAsActor(() =>
      transactionHost(app).withTransaction(() =>
        app.get(EventOutbox).append({ type: 'test.probe.created', aggregateType: 'probe', aggregateId: FAILING, payload: {} }),
      ),
    );

    for (let attempt = 1; attempt <= DEFAULT_RETRY_POLICY.maxAttempts; attempt++) {
      const result = await drainOutbox(app);
      expect(result.failed).toBe(1);
      const row = await probeDelivery();
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toBe(`Error: probe failure for ${FAILING}`);
      if (attempt === DEFAULT_RETRY_POLICY.maxAttempts) {
        expect(result.deadLettered).toBe(1);
        expect(row.status).toBe('dead');
        break;
      }
      expect(row.status).toBe('pending');
      const step = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
      const delay = row.next_attempt_at.getTime() - now;
      expect(delay).toBeGreaterThanOrEqual(step / 2);
      expect(delay).toBeLessThanOrEqual(step);

      // Not due yet: a drain at the same time claims nothing.
      expect((await drainOutbox(app)).claimed).toBe(0);
      now = row.next_attempt_at.getTime();
    }

    // The audit delivery of the same event was not held back by the failing one.
    expect(await sqlAs(db.adminUrl, `select status from event_deliveries where subscriber = 'audit.log'`)).toEqual([{ status: 'delivered' }]);
    now += 24 * 3600_000;
    expect((await drainOutbox(app)).claimed).toBe(0);
  });

  it('lists dead letters, most recently failed first, with keyset pagination', async () => {
    const deadLetters = app.get(DeadLetters);
    expect((await deadLetters.list({ limit: 10 })).items).toEqual([
      expect.objectContaining({ subscriber: 'test.probe', eventType: 'test.probe.created', aggregateId: FAILING, attempts: 10 }),
    ]);

    // Three more, dead-lettered behind the relay's back with distinct failure times.
    const others = ['a1', 'a2', 'a3'].map((s) => `00000000-0000-4000-8000-0000000000${s}`);
    await runAsActor(() =>
      transactionHost(app).withTransaction(() =>
        app.get(EventOutbox).append(...others.map((id) => ({ type: 'test.probe.created', aggregateType: 'probe', aggregateId: id, payload: {} }))),
      ),
    );
    await sqlAs(
      db.adminUrl,
      `update event_deliveries d set status = 'dead', attempts = 10, last_attempt_at = (select max(last_attempt_at) from event_deliveries where status = 'dead') + (e.payload_n || ' minutes')::interval
         from (select id, row_number() over (order by aggregate_id)::text as payload_n from domain_events where aggregate_id = any($1)) e
        where d.event_id = e.id and d.subscriber = 'test.probe'`,
      [others],
    );
    const first = await deadLetters.list({ limit: 2 });
    const second = await deadLetters.list({ limit: 2, cursor: first.nextCursor as string });
    expect([...first.items, ...second.items].map((d) => d.aggregateId)).toEqual([others[2], others[1], others[0], FAILING]);
    expect(second.nextCursor).toBeNull();
    await sqlAs(db.adminUrl, `delete from domain_events where aggregate_id = any($1)`, [others]);
  });

  it('replays a dead letter: re-queued with fresh attempts, audited, then delivered', async () => {
    const deadLetters = app.get(DeadLetters);
    const { event_id: eventId } = await probeDelivery();
    failingAggregates.delete(FAILING);

    const replayed = await runAsActor(() => deadLetters.replay(eventId, 'test.probe'), ADMIN, 'req-replay');
    expect(replayed).toEqual({ eventId, subscriber: 'test.probe', status: 'pending', nextAttemptAt: new Date(now) });
    expect(await probeDelivery()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await deadLetters.list({ limit: 10 })).items).toEqual([]);

    const result = await drainOutbox(app);
    expect(result).toMatchObject({ failed: 0 });
    expect(await probeDelivery()).toMatchObject({ status: 'delivered', attempts: 1 });
    const audit = await sqlAs(db.adminUrl, `select actor_id, request_id, changes from audit_logs where action = 'platform.dead-letter.replayed'`);
    expect(audit).toEqual([{ actor_id: ADMIN, request_id: 'req-replay', changes: null }]);
  });

  it('refuses to replay a delivery that is not dead (409) or does not exist (404)', async () => {
    const deadLetters = app.get(DeadLetters);
    const { event_id: eventId } = await probeDelivery();
    const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as AppError);
    expect(await errorOf(runAsActor(() => deadLetters.replay(eventId, 'test.probe')))).toMatchObject({ code: 'EVENTS_DELIVERY_NOT_DEAD' });
    expect(await errorOf(runAsActor(() => deadLetters.replay(eventId, 'test.nobody')))).toMatchObject({ code: 'EVENTS_DEAD_LETTER_NOT_FOUND' });
    expect(await errorOf(runAsActor(() => deadLetters.replay('not-a-uuid', 'test.probe')))).toMatchObject({ code: 'EVENTS_DEAD_LETTER_NOT_FOUND' });
  });
});
