#!/usr/bin/env node
'use strict';
/*
 * Automation bench: events per second through a one-action workflow, and the latency from an
 * event's COMMIT to its action, under a steady write load.
 *
 *   node bench/automation/run.js [--rates 20,50,100] [--duration 10] [--warmup 2] [--instances 2]
 *                                [--poll-ms 500] [--out bench/results] [--verbose]
 *
 * Database: with DATABASE_URL_ADMIN (a superuser URL) a database created for the run, otherwise an
 * embedded PostgreSQL in a temp dir; roles bootstrapped, atlas/migrations applied (pg-boss's schema
 * included), connecting directly (no PgBouncer).
 *
 * The workflow: triggered by the writer's event (`test.probe-write.created`), one action — a signed
 * webhook POST to an HTTP receiver in this process (the action's completion is observable there).
 * `--instances` app instances (bench/automation/instance.js: relay and job worker on) share the
 * work; one writer (test/fixtures/outbox-writer.js, relay off) commits `rate` events per second for
 * `--duration` s. Per rate:
 *   events/s    webhook calls received inside the load window / load window (keeps up = writes/s)
 *   latency     receiver's arrival time − the writer's clock right after COMMIT, per event
 *               committed after the warm-up: p50/p95/p99/max. It spans relay poll/nudge, the run's
 *               insert, pg-boss's poll (--poll-ms), the step's three short transactions and the call.
 *   baseline    the same load's commit → audit row lag (the relay alone, bench/events' measure), in
 *               the same run: the part of the latency automation adds is latency − baseline.
 * Results: a table on stdout and bench/results/automation-<timestamp>.json.
 */

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { createInterface } = require('node:readline');
const { freePort } = require('../lib/net');
const { numberOption: num, parseOptions } = require('../lib/options');
const { DIST, RESULTS_DIR, ROOT } = require('../lib/paths');
const { makeTempDir } = require('../lib/processes');
const { formatTable, gitInfo, machineInfo, writeReport } = require('../lib/report');
const { percentile, round } = require('../lib/stats');

const WRITER = path.join(ROOT, 'test', 'fixtures', 'outbox-writer.js');
const INSTANCE = path.join(__dirname, 'instance.js');
const SECRET_KEY = crypto.randomBytes(32).toString('base64url');
const log = (msg) => console.error(`[bench:automation] ${msg}`);
const live = { children: new Set(), cleanups: [] };

function options() {
  const values = parseOptions(__filename, {
    rates: { type: 'string', default: '20,50,100' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    instances: { type: 'string', default: '2' },
    'poll-ms': { type: 'string', default: '500' },
    out: { type: 'string', default: RESULTS_DIR },
    verbose: { type: 'boolean', default: false },
  });
  return {
    rates: values.rates.split(',').map((r) => num(r.trim(), 'rates', 1)),
    durationMs: num(values.duration, 'duration', 1) * 1000,
    warmupMs: num(values.warmup, 'warmup', 0) * 1000,
    instances: Math.round(num(values.instances, 'instances', 1)),
    pollMs: Math.round(num(values['poll-ms'], 'poll-ms', 500)),
    outDir: path.resolve(values.out),
    verbose: values.verbose,
  };
}

async function query(url, text, params = []) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function prepareDatabase() {
  const { bootstrapRoles, migrationsDir, startEmbeddedPostgres, withCredentials } = require(path.join(DIST, 'libs', 'db'));
  const { applyMigrations } = require(path.join(DIST, 'libs', 'atlas'));
  let serverAdminUrl = process.env.DATABASE_URL_ADMIN;
  let source = 'DATABASE_URL_ADMIN (a database created for the run)';
  if (!serverAdminUrl) {
    const dir = makeTempDir('renewa-bench-automation-');
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), superuserPassword: crypto.randomBytes(12).toString('hex') });
    live.cleanups.push(async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    serverAdminUrl = server.adminUrl;
    source = 'embedded PostgreSQL started by the bench';
  }
  const name = `renewa_bench_automation_${crypto.randomBytes(4).toString('hex')}`;
  await query(serverAdminUrl, `CREATE DATABASE "${name}"`);
  live.cleanups.unshift(() => query(serverAdminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const admin = new URL(serverAdminUrl);
  const adminUrl = withCredentials(serverAdminUrl, decodeURIComponent(admin.username), decodeURIComponent(admin.password) || null, name);
  const password = crypto.randomBytes(12).toString('hex');
  await bootstrapRoles(adminUrl, { appUser: password, migrationUser: password });
  const migrationUrl = withCredentials(serverAdminUrl, 'migration-user', password, name);
  await applyMigrations({ connectionString: migrationUrl, dir: migrationsDir(), operatorVersion: 'renewa bench', logger: { info: () => undefined, warn: log } });
  await query(migrationUrl, 'CREATE TABLE probe_writes (id uuid primary key, n integer not null)');
  const settings = Object.fromEntries(
    (await query(adminUrl, `select name, setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit')`)).map((r) => [r.name, r.setting]),
  );
  return { adminUrl, appUrl: withCredentials(serverAdminUrl, 'app-user', password, name), source, settings };
}

/** The receiving end of the workflow's webhook: arrival time per event's aggregate id. */
async function startReceiver() {
  const arrivals = new Map();
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      const { aggregateId } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!arrivals.has(aggregateId)) arrivals.set(aggregateId, at);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  live.cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, arrivals };
}

async function insertWorkflow(db, url) {
  const { SecretBox } = require(path.join(DIST, 'src', 'modules', 'automation', 'shared', 'secret-box'));
  const sealed = new SecretBox(SECRET_KEY, 'webhook-secrets').seal('bench-webhook-secret-0123456789');
  const actions = [{ type: 'call_webhook', url, secretCiphertext: sealed }];
  await query(
    db.adminUrl,
    `insert into workflows (name, trigger_event_type, conditions, actions, enabled) values ($1, 'test.probe-write.created', '[]', $2, true)`,
    [{ de: 'Bench', en: 'Bench' }, JSON.stringify(actions)],
  );
}

function spawnChild(file, args, env, verbose, onLine) {
  const child = spawn(process.execPath, [file, ...args], { cwd: os.tmpdir(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (verbose ? process.stderr.write(chunk) : (stderr = (stderr + chunk).slice(-8000))));
  createInterface({ input: child.stdout }).on('line', onLine);
  const exited = new Promise((resolve, reject) =>
    child.once('exit', (code, signal) => {
      live.children.delete(child);
      if (code === 0 || signal === 'SIGTERM') resolve();
      else reject(new Error(`${path.basename(file)} exited with ${code ?? signal}:\n${stderr}`));
    }),
  );
  return { child, exited };
}

async function runRate(db, receiver, rate, opts) {
  await query(db.adminUrl, 'TRUNCATE probe_writes, audit_logs, domain_events, workflow_runs CASCADE');
  receiver.arrivals.clear();
  const instances = [];
  for (let i = 0; i < opts.instances; i++) {
    let ready;
    const isReady = new Promise((resolve) => (ready = resolve));
    const env = { DATABASE_URL: db.appUrl, AUTOMATION_SECRET_KEY: SECRET_KEY, AUTOMATION_POLL_MS: String(opts.pollMs) };
    instances.push({ ...spawnChild(INSTANCE, [], env, opts.verbose, (line) => line === 'ready' && ready()), isReady });
  }
  await Promise.all(instances.map((i) => i.isReady));
  const commits = [];
  let writtenAt = null;
  const writer = spawnChild(WRITER, ['write', '--rate', String(rate), '--duration-ms', String(opts.durationMs), '--concurrency', '8', '--relay', 'false'], { DATABASE_URL: db.appUrl }, opts.verbose, (line) => {
    const [kind, a, b] = line.split(' ');
    if (kind === 'committed') commits.push({ id: a, committedAt: Number(b) });
    else if (kind === 'written') writtenAt = Number(b);
  });
  await writer.exited;
  const deadline = Date.now() + 60_000;
  while (receiver.arrivals.size < commits.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const instance of instances) instance.child.kill('SIGTERM');
  await Promise.all(instances.map((i) => i.exited));

  const loadStart = Math.min(...commits.map((c) => c.committedAt));
  const loadEnd = writtenAt;
  const windowS = (loadEnd - loadStart) / 1000;
  const measured = commits.filter((c) => c.committedAt >= loadStart + opts.warmupMs);
  const latencies = measured.map((c) => receiver.arrivals.get(c.id) - c.committedAt).filter(Number.isFinite).sort((a, b) => a - b);
  const audit = await query(db.adminUrl, `select entity_id as id, recorded_at from audit_logs where action = 'test.probe-write.created'`);
  const audited = new Map(audit.map((r) => [r.id, r.recorded_at.getTime()]));
  const lags = measured.map((c) => audited.get(c.id) - c.committedAt).filter(Number.isFinite).sort((a, b) => a - b);
  const [{ runs, failed }] = await query(db.adminUrl, `select count(*)::int as runs, count(*) filter (where status <> 'succeeded')::int as failed from workflow_runs`);
  const stats = (xs) => ({ samples: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: xs.length ? xs[xs.length - 1] : null });
  return {
    offeredPerS: rate,
    events: commits.length,
    writesPerS: round(commits.length / windowS),
    actionsPerS: round([...receiver.arrivals.values()].filter((at) => at <= loadEnd).length / windowS),
    actions: receiver.arrivals.size,
    missing: commits.filter((c) => !receiver.arrivals.has(c.id)).length,
    runs,
    runsNotSucceeded: failed,
    latencyMs: stats(latencies),
    baselineAuditLagMs: stats(lags),
  };
}

function table(results) {
  const header = ['offered/s', 'writes/s', 'actions/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'audit lag p50', 'audit lag p99', 'missing'];
  const body = results.map((r) =>
    [r.offeredPerS, r.writesPerS, r.actionsPerS, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.latencyMs.max, r.baselineAuditLagMs.p50, r.baselineAuditLagMs.p99, r.missing].map((v) => String(v ?? '-')),
  );
  return formatTable(header, body);
}

async function cleanup() {
  for (const child of live.children) child.kill('SIGKILL');
  for (const step of live.cleanups.splice(0)) await step().catch((e) => log(`cleanup: ${e.message}`));
}

async function main() {
  const opts = options();
  if (!fs.existsSync(path.join(DIST, 'src', 'app.module.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const startedAt = new Date();
  const machine = { ...machineInfo(), loadavg: os.loadavg().map((n) => round(n)) };
  log(`node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadavg.join(' ')}`);
  const results = [];
  let db;
  try {
    db = await prepareDatabase();
    log(`database: ${db.source}; PostgreSQL ${db.settings.server_version}, fsync=${db.settings.fsync}, synchronous_commit=${db.settings.synchronous_commit}`);
    const receiver = await startReceiver();
    await insertWorkflow(db, receiver.url);
    for (const rate of opts.rates) {
      log(`${rate} events/s for ${opts.durationMs / 1000} s, ${opts.instances} instance(s) relaying and working…`);
      const result = await runRate(db, receiver, rate, opts);
      log(`  ${result.actionsPerS} actions/s, latency p50 ${result.latencyMs.p50} ms p99 ${result.latencyMs.p99} ms (audit lag p99 ${result.baselineAuditLagMs.p99} ms)`);
      results.push(result);
    }
  } finally {
    await cleanup();
  }
  console.log(`\nEvent → one-action workflow (signed webhook): ${opts.instances} instance(s), worker poll ${opts.pollMs} ms, ${opts.durationMs / 1000} s per rate (latency after ${opts.warmupMs / 1000} s warm-up)\n`);
  console.log(table(results));
  const problems = results.flatMap((r) => [
    r.missing ? `${r.offeredPerS}/s: ${r.missing} event(s) without their action` : null,
    r.runs !== r.events ? `${r.offeredPerS}/s: ${r.runs} runs for ${r.events} events` : null,
  ]).filter(Boolean);
  for (const p of problems) console.log(`WARNING ${p}`);
  const report = { bench: 'automation', startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), git: gitInfo(), machine, database: db && { source: db.source, settings: db.settings }, options: { ...opts, outDir: undefined }, results, problems };
  writeReport(opts.outDir, 'automation', startedAt, report);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup().finally(() => process.exit(130)));

main().catch((error) => {
  console.error(`[bench:automation] failed: ${error instanceof Error ? error.stack : error}`);
  cleanup().finally(() => process.exit(1));
});
