import type { INestApplicationContext } from '@nestjs/common';
import { runAsActor } from '@libs/context';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { createEventsTestApp, heldAggregates, PROBES_DDL, sqlAs, transactionHost } from '@libs/testing/outbox-probes';
import { EventOutbox } from './event-outbox';
import { BatchResult, OutboxRelay } from './outbox-relay';
import { SubscriberRegistry } from './subscriber-registry';

const HELD = '00000000-0000-4000-8000-0000000000e1';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * The relay loop as it runs in the app (OUTBOX_RELAY_ENABLED). The poll interval is ten minutes
 * here, so a delivery that arrives quickly can only have been woken by the commit nudge.
 */
describe('OutboxRelay loop', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let relay: OutboxRelay;
  let delivered: Array<(result: BatchResult) => void>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await sqlAs(db.migrationUrl, PROBES_DDL);
    app = await createEventsTestApp(db.bouncerUrl ?? db.appUrl, { OUTBOX_RELAY_ENABLED: 'true', OUTBOX_POLL_MS: '600000' });
    relay = app.get(OutboxRelay);
    // Observe batches without changing them: tests wait for the next batch that delivered something.
    delivered = [];
    const runBatch = relay.runBatch.bind(relay);
    jest.spyOn(relay, 'runBatch').mockImplementation(async () => {
      const result = await runBatch();
      if (result.delivered > 0) delivered.splice(0).forEach((notify) => notify(result));
      return result;
    });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const nextDelivery = () => new Promise<BatchResult>((resolve) => delivered.push(resolve));
  const append = (aggregateId: string) =>
    runAsActor(() =>
      transactionHost(app).withTransaction(() =>
        app.get(EventOutbox).append({ type: 'test.probe.created', aggregateType: 'probe', aggregateId, payload: {} }),
      ),
    );

  it('starts with the app and is woken by the commit of an append, not by its poll', async () => {
    expect(relay.isRunning).toBe(true);
    const batch = nextDelivery();
    await append('00000000-0000-4000-8000-0000000000a1');
    expect(await batch).toMatchObject({ delivered: app.get(SubscriberRegistry).namesFor('test.probe.created').length, failed: 0 });
    expect(await sqlAs(db.adminUrl, `select distinct status from event_deliveries`)).toEqual([{ status: 'delivered' }]);
  });

  it('on shutdown finishes the batch in flight before the pool closes', async () => {
    const subscribers = app.get(SubscriberRegistry).namesFor('test.probe.created');
    const entered = deferred();
    const release = deferred();
    heldAggregates.set(HELD, { entered: entered.resolve, release: release.promise });
    await append(HELD);
    await entered.promise; // the relay is inside the probe subscriber, in its batch transaction

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release.resolve();
    await closing;

    expect(relay.isRunning).toBe(false);
    const rows = await sqlAs(db.adminUrl, `select subscriber, status from event_deliveries d join domain_events e on e.id = d.event_id where e.aggregate_id = $1 order by 1`, [HELD]);
    expect(rows).toEqual(
      [...subscribers].sort().map((subscriber) => ({ subscriber, status: 'delivered' })),
    );
    heldAggregates.clear();
  });
});
