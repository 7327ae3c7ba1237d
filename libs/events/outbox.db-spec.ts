import type { INestApplicationContext } from '@nestjs/common';
import { runAsActor, setContextValue, SYSTEM_ACTOR_ID } from '@libs/context';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { drainOutbox } from '@libs/testing/outbox';
import { BatchProbeSubscriber, createEventsTestApp, failingAggregates, PROBES_DDL, sqlAs, transactionHost } from '@libs/testing/outbox-probes';
import { DomainEventInput } from './domain-event';
import { EventOutbox, OutboxTransactionRequiredError } from './event-outbox';
import { SubscriberRegistry } from './subscriber-registry';

const ALICE = '11111111-1111-4111-8111-111111111111';
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const probeEvent = (n: number, type = 'test.probe.created'): DomainEventInput => ({
  type,
  aggregateType: 'probe',
  aggregateId: uuid(n),
  payload: { n },
});

describe('EventOutbox and OutboxRelay', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let outbox: EventOutbox;

  beforeAll(async () => {
    db = await createTestDatabase();
    await sqlAs(db.migrationUrl, PROBES_DDL);
    app = await createEventsTestApp(db.bouncerUrl ?? db.appUrl);
    outbox = app.get(EventOutbox);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  beforeEach(() => sqlAs(db.adminUrl, 'TRUNCATE domain_events, event_deliveries, delivery_probes, audit_logs'));

  /** Appends in a transaction as `actor`, with a request id and client ip in the context. */
  function appendAs(events: DomainEventInput[], actor = ALICE, requestId = 'req-outbox', fail = false): Promise<void> {
    return runAsActor(
      () =>
        transactionHost(app).withTransaction(async () => {
          setContextValue('clientIp', '203.0.113.7');
          await outbox.append(...events);
          if (fail) throw new Error('the change failed');
        }),
      actor,
      requestId,
    );
  }

  const count = async (sql: string, params: unknown[] = []) => Number((await sqlAs<{ n: string }>(db.adminUrl, sql, params))[0].n);
  /** The app's subscribers of a type: the probes, the audit log, and whatever else the app registers (automation's triggers). */
  const subscribersOf = (type: string) => app.get(SubscriberRegistry).namesFor(type);

  it('appends the event and one pending delivery per subscriber, with the context of the change', async () => {
    await appendAs([probeEvent(1)]);
    const [event] = await sqlAs(db.adminUrl, 'select * from domain_events');
    expect(event).toMatchObject({
      type: 'test.probe.created',
      version: 1,
      aggregate_type: 'probe',
      aggregate_id: uuid(1),
      actor_id: ALICE,
      request_id: 'req-outbox',
      causation_id: null,
      client_ip: '203.0.113.7',
      payload: { n: 1 },
    });
    const deliveries = await sqlAs(db.adminUrl, 'select subscriber, status, attempts from event_deliveries order by subscriber');
    expect(subscribersOf('test.probe.created')).toEqual(expect.arrayContaining(['audit.log', 'test.probe']));
    expect(deliveries).toEqual(
      [...subscribersOf('test.probe.created')].sort().map((subscriber) => ({ subscriber, status: 'pending', attempts: 0 })),
    );
  });

  it('rolls back with the transaction of the change', async () => {
    await expect(appendAs([probeEvent(2)], ALICE, 'req-rollback', true)).rejects.toThrow('the change failed');
    expect(await count('select count(*) as n from domain_events')).toBe(0);
    expect(await count('select count(*) as n from event_deliveries')).toBe(0);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(runAsActor(() => outbox.append(probeEvent(3)))).rejects.toBeInstanceOf(OutboxTransactionRequiredError);
    await expect(outbox.append(probeEvent(3))).rejects.toThrow(/inside a transaction/);
    expect(await count('select count(*) as n from domain_events')).toBe(0);
  });

  it('rejects malformed events before writing anything', async () => {
    await expect(appendAs([{ ...probeEvent(4), type: 'ProbeCreated' }])).rejects.toThrow(/<ctx>.<aggregate>.<past-tense>/);
    await expect(appendAs([{ ...probeEvent(4), aggregateId: '42' }])).rejects.toThrow(/not a uuid/);
    expect(await count('select count(*) as n from domain_events')).toBe(0);
  });

  it('delivers in the subscriber transaction as the system actor, with the request id and the event as causation', async () => {
    await appendAs([probeEvent(5, 'test.order.placed')]);
    const first = await drainOutbox(app);
    expect(first.failed).toBe(0);

    const events = await sqlAs<{ id: string; type: string; actor_id: string; request_id: string; causation_id: string | null }>(
      db.adminUrl,
      'select id, type, actor_id, request_id, causation_id from domain_events order by occurred_at, type desc',
    );
    const placed = events.find((e) => e.type === 'test.order.placed')!;
    const confirmed = events.find((e) => e.type === 'test.order.confirmed')!;
    // The follow-up was appended by a subscriber: background work of the system actor, caused by the order event.
    expect(confirmed).toMatchObject({ actor_id: SYSTEM_ACTOR_ID, request_id: 'req-outbox', causation_id: placed.id });

    const probes = await sqlAs(db.adminUrl, 'select event_id, actor_id, request_id, causation_id from delivery_probes order by request_id');
    expect(probes).toEqual(
      expect.arrayContaining([{ event_id: placed.id, actor_id: SYSTEM_ACTOR_ID, request_id: 'req-outbox', causation_id: placed.id }]),
    );
    expect(await count(`select count(*) as n from event_deliveries where status <> 'delivered'`)).toBe(0);
    expect(await count('select count(*) as n from audit_logs')).toBe(2);
  });

  it('delivers each (event, subscriber) once when two relays over two pools drain at the same time', async () => {
    const other = await createEventsTestApp(db.bouncerUrl ?? db.appUrl);
    try {
      const total = 300;
      for (let start = 0; start < total; start += 100) {
        await appendAs(Array.from({ length: 100 }, (_, i) => probeEvent(1000 + start + i)));
      }
      const [a, b] = await Promise.all([drainOutbox(app), drainOutbox(other)]);
      // Every delivery row was claimed exactly once across both relays.
      const perEvent = subscribersOf('test.probe.created').length;
      expect(a.claimed + b.claimed).toBe(total * perEvent);
      expect(a.failed + b.failed).toBe(0);
      expect(await count('select count(*) as n from delivery_probes')).toBe(total);
      expect(await count('select count(distinct event_id) as n from delivery_probes')).toBe(total);
      expect(await count('select count(distinct event_id) as n from audit_logs')).toBe(total);
      expect(await count(`select count(*) as n from event_deliveries where status = 'delivered' and attempts = 1`)).toBe(total * perEvent);
    } finally {
      await other.close();
    }
  });

  it('keeps a failed delivery from undoing the rest of its batch', async () => {
    failingAggregates.add(uuid(7));
    try {
      await appendAs([probeEvent(6), probeEvent(7), probeEvent(8)]);
      const result = await drainOutbox(app);
      // Three events, each to every subscriber; only the probe's delivery of 7 fails.
      expect(result).toMatchObject({ delivered: 3 * subscribersOf('test.probe.created').length - 1, failed: 1, deadLettered: 0 });
      // The failing subscriber's own write was rolled back to its savepoint; everything else committed.
      const probes = await sqlAs<{ n: number }>(
        db.adminUrl,
        `select (e.payload->>'n')::int as n from delivery_probes p join domain_events e on e.id = p.event_id order by 1`,
      );
      expect(probes).toEqual([{ n: 6 }, { n: 8 }]);
      expect(await count('select count(*) as n from audit_logs')).toBe(3);
      const [failed] = await sqlAs(db.adminUrl, `select status, attempts, last_error from event_deliveries where status <> 'delivered'`);
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: `Error: probe failure for ${uuid(7)}` });
    } finally {
      failingAggregates.clear();
    }
  });

  it('hands a batch to a batch-capable subscriber, and falls back to one event at a time when the batch fails', async () => {
    const batchProbe = app.get(BatchProbeSubscriber);
    batchProbe.batchSizes.length = 0;
    await appendAs([probeEvent(20, 'probebatch.item.created'), probeEvent(21, 'probebatch.item.created')]);
    const perEvent = subscribersOf('probebatch.item.created').length;
    expect(await drainOutbox(app)).toMatchObject({ delivered: 2 * perEvent, failed: 0 });
    expect(batchProbe.batchSizes).toEqual([2]);

    failingAggregates.add(uuid(23));
    try {
      batchProbe.batchSizes.length = 0;
      await appendAs([probeEvent(22, 'probebatch.item.created'), probeEvent(23, 'probebatch.item.created'), probeEvent(24, 'probebatch.item.created')]);
      expect(await drainOutbox(app)).toMatchObject({ delivered: 3 * perEvent - 1, failed: 1 });
      // The failed batch was rolled back whole, then each event went on its own.
      expect(batchProbe.batchSizes).toEqual([3, 1, 1, 1]);
      expect(await count(`select count(*) as n from delivery_probes`)).toBe(4);
    } finally {
      failingAggregates.clear();
    }
  });
});
