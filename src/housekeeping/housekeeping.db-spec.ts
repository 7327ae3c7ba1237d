import type { INestApplicationContext } from '@nestjs/common';
import { runAsActor } from '@libs/context';
import { Client } from 'pg';
import { EventOutbox, EventsClock, OutboxRetention, PRUNE_BATCH_SIZE, SubscriberRegistry } from '@libs/events';
import { IdempotencyRepository, IdempotencyRetention, PURGE_BATCH_SIZE } from '@libs/idempotency';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { drainOutbox } from '@libs/testing/outbox';
import { createEventsTestApp, failingAggregates, PROBES_DDL, sqlAs, transactionHost } from '@libs/testing/outbox-probes';
import { HousekeepingService } from './housekeeping.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('housekeeping: outbox retention and expired idempotency keys', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let now: Date;

  beforeAll(async () => {
    db = await createTestDatabase();
    await sqlAs(db.migrationUrl, PROBES_DDL);
    // Retention of 10 days, through PgBouncer as the app runs.
    app = await createEventsTestApp(db.bouncerUrl ?? db.appUrl, { OUTBOX_RETENTION_DAYS: '10' });
    const clock = app.get(EventsClock);
    jest.spyOn(clock, 'now').mockImplementation(() => now);
  });

  afterAll(async () => {
    failingAggregates.clear();
    await app?.close();
    await db?.drop();
  });

  beforeEach(async () => {
    now = new Date('2026-01-01T00:00:00Z');
    failingAggregates.clear();
    await sqlAs(db.adminUrl, 'TRUNCATE domain_events, event_deliveries, delivery_probes, audit_logs, idempotency_keys');
  });

  /** Appends probe events n..m (one transaction), as of the mocked `now`. */
  const append = (numbers: number[], type = 'test.probe.created') =>
    runAsActor(() =>
      transactionHost(app).withTransaction(() =>
        app.get(EventOutbox).append(...numbers.map((n) => ({ type, aggregateType: 'probe', aggregateId: uuid(n), payload: { n } }))),
      ),
    );
  const remaining = async () => (await sqlAs<{ n: number }>(db.adminUrl, `select (payload->>'n')::int as n from domain_events order by 1`)).map((r) => r.n);
  const count = async (table: string) => Number((await sqlAs<{ n: string }>(db.adminUrl, `select count(*) as n from ${table}`))[0].n);

  it('deletes delivered events past the retention with their deliveries, and keeps recent, pending and dead ones', async () => {
    await append([1, 2]); // old, delivered below
    failingAggregates.add(uuid(3));
    await append([3]); // old, its probe delivery fails and ends dead-lettered
    now = new Date(now.getTime() + 5 * DAY_MS);
    await append([4]); // delivered
    await drainOutbox(app);
    await sqlAs(db.adminUrl, `update event_deliveries set status = 'dead' where status = 'pending'`);
    now = new Date(now.getTime() + 30 * DAY_MS);
    await append([5]); // pending: never drained

    const perEvent = app.get(SubscriberRegistry).namesFor('test.probe.created').length;
    expect(await count('event_deliveries')).toBe(5 * perEvent);
    const deleted = await app.get(OutboxRetention).prune();
    // 4 is 30 days old by now too: only 3 (a dead delivery) and 5 (pending) are kept.
    expect(deleted).toBe(3);
    expect(await remaining()).toEqual([3, 5]);
    expect(await count('event_deliveries')).toBe(2 * perEvent);
    // The audit log outlives the outbox.
    expect(await count('audit_logs')).toBe(4);
  });

  it('keeps events younger than the retention, to the day', async () => {
    await append([1]);
    await drainOutbox(app);
    now = new Date(now.getTime() + 10 * DAY_MS - 1);
    expect(await app.get(OutboxRetention).prune()).toBe(0);
    now = new Date(now.getTime() + 2);
    expect(await app.get(OutboxRetention).prune()).toBe(1);
    expect(await remaining()).toEqual([]);
  });

  it('works through more than one batch', async () => {
    const numbers = Array.from({ length: PRUNE_BATCH_SIZE + 5 }, (_, i) => i + 1);
    await append(numbers, 'test.unwatched.created'); // only the audit log subscribes
    await drainOutbox(app);
    now = new Date(now.getTime() + 11 * DAY_MS);
    expect(await app.get(OutboxRetention).prune()).toBe(PRUNE_BATCH_SIZE + 5);
    expect(await count('domain_events')).toBe(0);
  });

  it('runOnce also deletes expired idempotency keys, and nothing else', async () => {
    await append([1]);
    await drainOutbox(app);
    await sqlAs(
      db.adminUrl,
      `insert into idempotency_keys (actor_id, key, request_method, request_path, request_hash, response_status, expires_at)
       values ($1, 'expired', 'POST', '/api/v1/leads', 'h', 201, now() - interval '1 minute'),
              ($1, 'live', 'POST', '/api/v1/leads', 'h', 201, now() + interval '1 day')`,
      [uuid(99)],
    );
    now = new Date(now.getTime() + 11 * DAY_MS);
    expect(await app.get(HousekeepingService).runOnce()).toEqual({ outboxEventsDeleted: 1, idempotencyKeysDeleted: 1 });
    expect(await sqlAs(db.adminUrl, 'select key from idempotency_keys')).toEqual([{ key: 'live' }]);
  });

  it('purges expired idempotency keys in batches of PURGE_BATCH_SIZE, skipping a key a request holds', async () => {
    await sqlAs(
      db.adminUrl,
      `insert into idempotency_keys (actor_id, key, request_method, request_path, request_hash, response_status, expires_at)
       select $1::uuid, 'expired-' || n, 'POST', '/api/v1/leads', 'h', 201, now() - n * interval '1 second' from generate_series(1, $2::int) n
       union all
       select $1::uuid, 'live-' || n, 'POST', '/api/v1/leads', 'h', 201, now() + interval '1 day' from generate_series(1, 2) n`,
      [uuid(99), PURGE_BATCH_SIZE + 5],
    );
    // A request retrying its expired key holds that row (IdempotencyRepository.claim takes it over).
    const request = new Client({ connectionString: db.adminUrl });
    await request.connect();
    await request.query('begin');
    await request.query(`select 1 from idempotency_keys where key = 'expired-1' for update`);
    const spy = jest.spyOn(app.get(IdempotencyRepository), 'deleteExpired');
    let batchLimits: number[];
    try {
      expect(await app.get(IdempotencyRetention).purgeExpired()).toBe(PURGE_BATCH_SIZE + 4);
      batchLimits = spy.mock.calls.map(([, limit]) => limit);
    } finally {
      spy.mockRestore();
      await request.query('rollback');
      await request.end();
    }
    expect(batchLimits).toEqual([PURGE_BATCH_SIZE, PURGE_BATCH_SIZE]);
    expect(await sqlAs(db.adminUrl, 'select key from idempotency_keys order by key')).toEqual([{ key: 'expired-1' }, { key: 'live-1' }, { key: 'live-2' }]);
  });
});
