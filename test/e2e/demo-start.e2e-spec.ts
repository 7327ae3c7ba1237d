import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, unwrap } from '@libs/api-client';
import { freePort, ServerProcess, startServerProcess } from '@libs/testing';
import { DEMO_PASSWORD, demoId } from '../../src/db/seeds/demo/demo-data';
import { clientFor } from './support/crm-api';

/**
 * `AUTO_SEED_DEMO=true npm start` on the embedded default, as shipped (the bundle): the demo
 * consultancy is seeded on boot, its users sign in with the documented password, and a demo
 * consultant changes a draft measure's layers (a PATCH with nested objects, which the bundle must
 * validate like the sources do).
 */
describe('demo start on the embedded default', () => {
  let dir: string;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds the demo on boot and serves the tour’s first steps', async () => {
    dir = mkdtempSync(join(tmpdir(), 'renewa-demo-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const { DATABASE_URL: _runtime, DATABASE_URL_MIGRATION: _migration, ...rest } = process.env;
    server = startServerProcess({
      ...rest,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      AUTO_SEED_DEMO: 'true',
      ADMIN_PASSWORD: 'demo-admin-password-1',
      EMBEDDED_PG_DIR: join(dir, 'postgres'),
      EMBEDDED_PG_PORT: String(await freePort()),
    });
    await server.waitForLog(/API listening on/);
    expect(server.lines.some((line) => line.includes('seeded demo.projects.pipeline'))).toBe(true);

    const sales = await clientFor(baseUrl, 'anna.keller@demo.renewa.de', DEMO_PASSWORD);
    const leads = await unwrap(sales.GET('/api/v1/leads', { params: { query: { limit: 100 } } }));
    expect(leads.items.length).toBeGreaterThan(50);
    expect(new Set(leads.items.map((l) => l.departmentId)).size).toBe(1);

    const consultant = await clientFor(baseUrl, 'erik.wagner@demo.renewa.de', DEMO_PASSWORD);
    const facade = demoId('projects:10:measure:facade');
    const read = await consultant.GET('/api/v1/measures/{id}', { params: { path: { id: facade } } });
    expect(read.response.status).toBe(200);
    const changed = await unwrap(
      consultant.PATCH('/api/v1/measures/{id}', {
        params: { path: { id: facade }, header: { 'If-Match': read.response.headers.get('etag')! } },
        body: { newLayers: [{ materialId: read.data!.newLayers![0].materialId!, thicknessMm: 200 }] },
      }),
    );
    expect(changed.newLayers![0]).toMatchObject({ thicknessMm: 200 });

    // The accountant finalises the demo's draft invoice: the series continues after the seeded numbers.
    const accountant = await clientFor(baseUrl, 'bernd.vogel@demo.renewa.de', DEMO_PASSWORD);
    const seeded = await unwrap(accountant.GET('/api/v1/finance/invoices', { params: { query: { limit: 20 } } }));
    const numbered = seeded.items.map((i) => i.number).filter((n): n is string => !!n);
    expect(numbered).toHaveLength(4);
    const finalised = await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/finalize', { params: { path: { id: demoId('finance:invoice:2:down-payment') } } }));
    const year = finalised.number!.slice(3, 7);
    const sameYear = numbered.filter((n) => n.startsWith(`RE-${year}-`)).length;
    expect(finalised.number).toBe(`RE-${year}-${String(sameYear + 1).padStart(6, '0')}`);

    const wrong = await createApiClient({ baseUrl }).POST('/api/v1/auth/login', { body: { email: 'anna.keller@demo.renewa.de', password: 'not-the-demo-password' } });
    expect(wrong.response.status).toBe(401);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});
