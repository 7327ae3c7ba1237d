import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { runAsActor, setContextValue } from '@libs/context';
import { TransactionRequiredError } from '@libs/db';
import { DomainEventInput, EventOutbox, fieldChanges } from '@libs/events';
import { createTestDatabase, itThroughPgBouncer, TestDatabase } from '@libs/testing';
import { drainOutbox } from '@libs/testing/outbox';
import { createEventsTestApp, sqlAs, transactionHost } from '@libs/testing/outbox-probes';
import { auditHash } from './audit-hash';
import { AuditChainService } from './audit-chain.service';
import { AuditLogReader } from './audit-log-reader';
import { AuditLogsRepository } from './audit-logs.repository';
import { AuditLogsService } from './audit-logs.service';

const ALICE = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';

describe('audit log', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let chain: AuditChainService;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createEventsTestApp(db.bouncerUrl ?? db.appUrl);
    chain = app.get(AuditChainService);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  function append(...events: DomainEventInput<object>[]): Promise<void> {
    return runAsActor(
      () =>
        transactionHost(app).withTransaction(async () => {
          setContextValue('clientIp', '198.51.100.4');
          await app.get(EventOutbox).append(...events);
        }),
      ALICE,
      'req-audit',
    );
  }

  const rows = () => sqlAs<Record<string, any>>(db.adminUrl, 'select * from audit_logs order by seq');

  it('writes one row per event with actor, action, entity, changes, request id, ip and times', async () => {
    const before = { name: 'Anna', email: 'anna@example.com', passwordHash: 'x' };
    const after = { ...before, name: 'Anna Schmidt', passwordHash: 'y' };
    await append(
      { type: 'auth.user.created', aggregateType: 'user', aggregateId: USER, payload: { snapshot: { name: 'Anna', email: 'anna@example.com' } } },
      { type: 'auth.user.updated', aggregateType: 'user', aggregateId: USER, payload: { changes: fieldChanges(before, after, ['name', 'email']) } },
    );
    await drainOutbox(app);

    const [created, updated] = await rows();
    const events = await sqlAs<{ id: string; type: string; occurred_at: Date }>(db.adminUrl, 'select id, type, occurred_at from domain_events');
    const eventOf = (type: string) => events.find((e) => e.type === type)!;
    expect(created).toMatchObject({
      event_id: eventOf('auth.user.created').id,
      actor_id: ALICE,
      action: 'auth.user.created',
      entity_type: 'user',
      entity_id: USER,
      changes: { name: { before: null, after: 'Anna' }, email: { before: null, after: 'anna@example.com' } },
      request_id: 'req-audit',
      client_ip: '198.51.100.4',
      occurred_at: eventOf('auth.user.created').occurred_at,
    });
    expect(updated).toMatchObject({ action: 'auth.user.updated', changes: { name: { before: 'Anna', after: 'Anna Schmidt' } } });
    expect(updated.changes).not.toHaveProperty('passwordHash');
    expect(updated.recorded_at.getTime()).toBeGreaterThanOrEqual(updated.occurred_at.getTime());
    expect(Number(updated.seq)).toBeGreaterThan(Number(created.seq));
    expect(updated.prev_hash).toBe(created.hash);
  });

  it('refuses to take the chain lock outside a transaction (the lock would end at once)', async () => {
    await expect(runAsActor(() => app.get(AuditLogsRepository).lockChain())).rejects.toBeInstanceOf(TransactionRequiredError);
  });

  it('records an event once, however often it is delivered', async () => {
    const [first] = await rows();
    const [event] = await sqlAs<Record<string, any>>(db.adminUrl, 'select * from domain_events where id = $1', [first.event_id]);
    const again = {
      id: event.id,
      type: event.type,
      version: event.version,
      aggregateType: event.aggregate_type,
      aggregateId: event.aggregate_id,
      actorId: event.actor_id,
      requestId: event.request_id,
      causationId: event.causation_id,
      clientIp: event.client_ip,
      payload: event.payload,
      occurredAt: event.occurred_at,
    };
    await runAsActor(() => transactionHost(app).withTransaction(() => app.get(AuditLogsService).recordAll([again, again])));
    expect(await rows()).toHaveLength(2);
    expect(await chain.verify()).toEqual({ ok: true, checked: 2 });
  });

  it('lets other contexts read the changes of their entities through AuditLogReader, keyset by occurred_at', async () => {
    const reader = app.get(AuditLogReader);
    const all = await reader.entries('user', [USER], undefined, 10);
    expect(all.map((e) => e.action)).toEqual(['auth.user.updated', 'auth.user.created']);
    expect(all[0]).toMatchObject({ entityType: 'user', entityId: USER, actorId: ALICE, occurredAt: expect.stringMatching(/^\d{4}-.*\.\d{6}Z$/) });
    const [first] = await reader.entries('user', [USER], undefined, 1);
    expect(await reader.entries('user', [USER], { occurredAt: first.occurredAt, id: first.id }, 10)).toEqual([all[1]]);
    expect(await reader.entries('user', [], undefined, 10)).toEqual([]);
    expect(await reader.entries('lead', [USER], undefined, 10)).toEqual([]);
  });

  describe('as app-user (role writer)', () => {
    async function asWriter(url: string, fn: (client: Client) => Promise<void>): Promise<void> {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await fn(client);
      } finally {
        await client.end();
      }
    }

    const refusals = async (client: Client) => {
      expect((await client.query('select count(*)::int as n from audit_logs')).rows).toEqual([{ n: 2 }]);
      await expect(client.query(`update audit_logs set action = 'auth.user.deleted'`)).rejects.toThrow(/permission denied for table audit_logs/);
      await expect(client.query('delete from audit_logs')).rejects.toThrow(/permission denied for table audit_logs/);
      await expect(client.query('truncate audit_logs')).rejects.toThrow(/permission denied for table audit_logs/);
    };

    it('may read the audit log but neither UPDATE nor DELETE nor TRUNCATE it', () => asWriter(db.appUrl, refusals));

    itThroughPgBouncer('is refused the same way through PgBouncer', () => asWriter(db.bouncerUrl as string, refusals));
  });

  describe('verify', () => {
    beforeAll(async () => {
      for (let i = 0; i < 5; i++) {
        await append({ type: 'auth.user.updated', aggregateType: 'user', aggregateId: USER, payload: { changes: { name: { before: i, after: i + 1 } } } });
      }
      await drainOutbox(app);
    });

    it('walks the whole chain, page by page', async () => {
      expect(await chain.verify()).toEqual({ ok: true, checked: 7 });
      expect(await chain.verify({ pageSize: 2 })).toEqual({ ok: true, checked: 7 });
    });

    it('finds a row edited directly in the database (hash-mismatch)', async () => {
      const [, , third] = await rows();
      await sqlAs(db.adminUrl, `update audit_logs set changes = '{"name": {"before": 0, "after": 42}}' where seq = $1`, [third.seq]);
      expect(await chain.verify({ pageSize: 2 })).toEqual({
        ok: false,
        checked: 2,
        brokenAt: { seq: Number(third.seq), id: third.id, reason: 'hash-mismatch' },
      });
      await sqlAs(db.adminUrl, 'update audit_logs set changes = $1 where seq = $2', [third.changes, third.seq]);
      expect(await chain.verify()).toEqual({ ok: true, checked: 7 });
    });

    it('finds a row whose hash was recomputed after the edit, at the next link (prev-hash-mismatch)', async () => {
      const [, , third, fourth] = await rows();
      const forged: Record<string, any> = { ...third, action: 'auth.user.deactivated' };
      const hash = auditHash({
        id: forged.id,
        eventId: forged.event_id,
        actorId: forged.actor_id,
        action: forged.action,
        entityType: forged.entity_type,
        entityId: forged.entity_id,
        changes: forged.changes,
        requestId: forged.request_id,
        clientIp: forged.client_ip,
        occurredAt: forged.occurred_at,
        recordedAt: forged.recorded_at,
        prevHash: forged.prev_hash,
      });
      await sqlAs(db.adminUrl, 'update audit_logs set action = $1, hash = $2 where seq = $3', [forged.action, hash, third.seq]);
      expect(await chain.verify()).toEqual({
        ok: false,
        checked: 3,
        brokenAt: { seq: Number(fourth.seq), id: fourth.id, reason: 'prev-hash-mismatch' },
      });
    });
  });
});
