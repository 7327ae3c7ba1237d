import { Controller, Get, Inject, Module } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import type { Pool } from 'pg';
import { PG_POOL, pingDatabase } from '@libs/db';
import { GracefulShutdown, Public } from '@libs/http';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The slow handler signals when it has started and waits for the test to let it finish. */
let entered = deferred();
let release = deferred();
let events: string[] = [];

@Public()
@Controller('platform-test')
class SlowController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get('slow')
  async slow(): Promise<{ done: true }> {
    entered.resolve();
    await release.promise;
    // Still needs the database after shutdown began: the pool must outlive in-flight requests.
    await pingDatabase(this.pool);
    events.push('handler finished');
    return { done: true };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

/** A request on a fresh connection (no keep-alive pool), to see whether the listener still accepts. */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('graceful shutdown', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(() => db?.drop());

  describe('as main.ts runs it', () => {
    let server: TestApp;

    beforeEach(async () => {
      entered = deferred();
      release = deferred();
      events = [];
      server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, imports: [SlowModule] });
    });

    afterEach(() => server.close());

    it('stops accepting, lets the in-flight request finish, closes the pool, then stops the database', async () => {
      const pool = server.app.get<Pool>(PG_POOL);
      const exit = jest.fn((code: number) => void events.push(`exit ${code}`));
      const shutdown = new GracefulShutdown({ timeoutMs: 20_000, log: { info: () => undefined, error: () => undefined }, exit });
      shutdown.register('database', async () => void events.push(`database stopped (pool ended: ${pool.ended})`));
      shutdown.register('app', () => server.app.close());

      const inFlight = fetch(`${server.baseUrl}/api/v1/platform-test/slow`).then(async (response) => ({
        status: response.status,
        body: await response.json(),
      }));
      await entered.promise;

      const finished = shutdown.shutdown('SIGTERM');
      await server.shutdownState.closing;
      await expect(getOnNewConnection(`${server.baseUrl}/health/live`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(pool.ended).toBe(false);
      expect(events).toEqual([]);

      release.resolve();
      expect(await inFlight).toEqual({ status: 200, body: { done: true } });
      await finished;
      expect(events).toEqual(['handler finished', 'database stopped (pool ended: true)', 'exit 0']);
    });
  });

  describe('while draining', () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    });

    afterAll(() => server.close());

    it('answers requests on connections still open with 503 problem+json and Connection: close', async () => {
      // What the preClose hook does when the server starts closing, without closing it yet.
      server.shutdownState.markClosing();
      const response = await fetch(`${server.baseUrl}/health/live`, { headers: { 'x-request-id': 'drain-1' } });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(response.headers.get('connection')).toBe('close');
      expect(response.headers.get('x-request-id')).toBe('drain-1');
      expect(await response.json()).toMatchObject({ status: 503, code: 'HTTP_SHUTTING_DOWN', requestId: 'drain-1' });
    });
  });
});
