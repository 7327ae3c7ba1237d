import { Controller, Module, Param, Post } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { eq } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { Client } from 'pg';
import { currentContext, setContextValue } from '@libs/context';
import { DbTransactionHost, standardColumns } from '@libs/db';
import { Public } from '@libs/http';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';

// A table and routes the app does not ship: they show what every context's tables get for free.
const probes = pgTable('context_probes', { ...standardColumns(), label: text('label').notNull() });

@Public()
@Controller('context-test')
class ContextTestController {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  /** Stands in for the auth guard: the actor comes from a header here. */
  @Post('probes/:actor')
  async create(@Param('actor') actor: string) {
    setContextValue('actorId', actor);
    const [row] = await this.txHost.tx.insert(probes).values({ label: 'created' }).returning();
    return { row, context: currentContext() };
  }

  @Post('probes/:id/as/:actor')
  async update(@Param('id') id: string, @Param('actor') actor: string) {
    setContextValue('actorId', actor);
    const [row] = await this.txHost.tx.update(probes).set({ label: 'updated' }).where(eq(probes.id, id)).returning();
    return { row };
  }
}

@Module({ controllers: [ContextTestController] })
class ContextTestModule {}

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

describe('request context and audit columns over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    const ddl = new Client({ connectionString: db.migrationUrl });
    await ddl.connect();
    await ddl.query(`CREATE TABLE context_probes (
      id uuid primary key default gen_random_uuid(), label text not null,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      created_by uuid, updated_by uuid, deleted_at timestamptz, version integer not null default 1)`);
    await ddl.end();
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, imports: [ContextTestModule] });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  type ProbeResponse = { row: Record<string, unknown>; context: Record<string, unknown> };
  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/api/v1/context-test/${path}`, { method: 'POST', headers });
  const postJson = async (path: string, headers?: Record<string, string>) => (await (await post(path, headers)).json()) as ProbeResponse;

  it('exposes the request id, actor and client ip to any code in the request', async () => {
    const response = await post(`probes/${ALICE}`, { 'x-request-id': 'ctx-check-1' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as ProbeResponse;
    expect(body.context).toMatchObject({ requestId: 'ctx-check-1', actorId: ALICE, clientIp: '127.0.0.1' });
    expect(response.headers.get('x-request-id')).toBe('ctx-check-1');
  });

  it('fills created/updated actor and time from the context, and keeps updated_at current', async () => {
    const created = (await postJson(`probes/${ALICE}`)).row;
    expect(created).toMatchObject({ createdBy: ALICE, updatedBy: ALICE, version: 1, deletedAt: null });

    const updated = (await postJson(`probes/${created.id}/as/${BOB}`)).row;
    expect(updated).toMatchObject({ createdBy: ALICE, updatedBy: BOB, label: 'updated' });
    expect(new Date(updated.updatedAt as string).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt as string).getTime());
    expect(updated.createdAt).toBe(created.createdAt);
  });

  it('keeps concurrent requests apart', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `parallel-${i}`);
    const bodies = await Promise.all(ids.map((id) => postJson(`probes/${ALICE}`, { 'x-request-id': id })));
    expect(bodies.map((body) => body.context.requestId)).toEqual(ids);
  });
});
