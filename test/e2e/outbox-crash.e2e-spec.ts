import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '@libs/db';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { createEventsTestApp, sqlAs } from '@libs/testing/outbox-probes';
import { AuditChainService } from '../../src/modules/audit/audit-logs/audit-chain.service';

const WRITER = join(projectRoot(), 'test', 'fixtures', 'outbox-writer.js');
const COMMITS_BEFORE_KILL = 250;

interface Worker {
  child: ChildProcess;
  lines: string[];
  /** Resolves when `count` lines matching `pattern` have been printed; rejects if the process exits first. */
  waitFor(pattern: RegExp, count?: number): Promise<string[]>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(args: string[], databaseUrl: string): Worker {
  const child = spawn(process.execPath, [WRITER, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; count: number; resolve(lines: string[]): void }> = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const matching = (pattern: RegExp) => lines.filter((line) => pattern.test(line));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      const found = matching(waiter.pattern);
      if (found.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(found);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    exited,
    waitFor: (pattern, count = 1) => {
      if (matching(pattern).length >= count) return Promise.resolve(matching(pattern));
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, count, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`worker exited (${code ?? signal}) before printing ${pattern}:\n${stderr}`)));
      });
    },
  };
}

/**
 * Done-when of the outbox: a process killed with SIGKILL in the middle of a write load, while its
 * relay is delivering, loses no event — after a restart drains the outbox, every committed change
 * has exactly one audit row, and the hash chain verifies.
 */
describe('outbox after a crash (SIGKILL under write load)', () => {
  let db: TestDatabase;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(join(projectRoot(), 'dist', 'src', 'app.module.js'))) throw new Error('dist/ is missing: run npm run build (npm test does)');
    db = await createTestDatabase();
    url = db.bouncerUrl ?? db.appUrl;
    await sqlAs(db.migrationUrl, 'CREATE TABLE probe_writes (id uuid primary key, n integer not null)');
  });

  afterAll(() => db?.drop());

  it('every committed change gets exactly one audit row once the restarted relay catches up', async () => {
    const writer = startWorker(['write', '--concurrency', '4', '--relay', 'true'], url);
    const committed = await writer.waitFor(/^committed /, COMMITS_BEFORE_KILL);
    writer.child.kill('SIGKILL');
    expect(await writer.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const [before] = await sqlAs<{ rows: number; audited: number }>(
      db.adminUrl,
      'select (select count(*)::int from probe_writes) as rows, (select count(*)::int from audit_logs) as audited',
    );
    expect(before.rows).toBeGreaterThanOrEqual(COMMITS_BEFORE_KILL);

    const restarted = startWorker(['drain'], url);
    const [drained] = await restarted.waitFor(/^drained /);
    expect(await restarted.exited).toEqual({ code: 0, signal: null });
    expect(JSON.parse(drained.slice('drained '.length))).toMatchObject({ failed: 0 });

    // Every change the worker reported as committed is in the database…
    const ids = committed.map((line) => line.split(' ')[1]);
    const [{ missing }] = await sqlAs<{ missing: number }>(
      db.adminUrl,
      'select count(*)::int as missing from unnest($1::uuid[]) as c(id) where not exists (select 1 from probe_writes p where p.id = c.id)',
      [ids],
    );
    expect(missing).toBe(0);

    // …and every committed change (printed or not) has exactly one event and exactly one audit row.
    const anomalies = await sqlAs(
      db.adminUrl,
      `select p.id,
              (select count(*)::int from domain_events e where e.aggregate_id = p.id) as events,
              (select count(*)::int from audit_logs a where a.entity_id = p.id) as audit_rows
         from probe_writes p
        where (select count(*) from domain_events e where e.aggregate_id = p.id) <> 1
           or (select count(*) from audit_logs a where a.entity_id = p.id) <> 1`,
    );
    expect(anomalies).toEqual([]);
    const [after] = await sqlAs<{ rows: number; audited: number; undelivered: number }>(
      db.adminUrl,
      `select (select count(*)::int from probe_writes) as rows,
              (select count(*)::int from audit_logs where action = 'test.probe-write.created') as audited,
              (select count(*)::int from event_deliveries where status <> 'delivered') as undelivered`,
    );
    expect(after).toEqual({ rows: before.rows, audited: before.rows, undelivered: 0 });

    const app = await createEventsTestApp(url);
    try {
      expect(await app.get(AuditChainService).verify()).toEqual({ ok: true, checked: after.audited });
    } finally {
      await app.close();
    }
  });
});
