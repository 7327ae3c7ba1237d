#!/usr/bin/env node
'use strict';
/*
 * Events bench: how many events per second the outbox relay delivers to the audit log, and the
 * lag from a change's COMMIT to its audit row, under a steady write load.
 *
 *   node bench/events/run.js [--rates 50,200,500] [--duration 10] [--warmup 2] [--instances 2]
 *                            [--concurrency 8] [--backlog 5000] [--out bench/results] [--verbose]
 *
 * Database: with DATABASE_URL_ADMIN (a superuser URL) the bench creates its own database on that
 * server and drops it afterwards; otherwise it starts an embedded PostgreSQL in a temp dir. Either
 * way it bootstraps the roles, applies atlas/migrations and creates the probe table, so the
 * numbers are for this build's schema, connecting directly (no PgBouncer).
 *
 * Per rate: `--instances` app instances (test/fixtures/outbox-writer.js on dist/, each with its
 * relay on, as deployed) write `rate / instances` changes per second each for `--duration` s;
 * a write is one transaction: a row in probe_writes + its event in the outbox. The writers print
 * each commit's time; after the load every instance drains its share of the backlog and exits.
 * Then, from the database:
 *   writes/s      committed changes / load window
 *   delivered/s   audit rows recorded inside the load window / load window (keeps up = writes/s)
 *   lag           audit_logs.recorded_at − the writer's clock right after COMMIT, per event
 *                 committed after the warm-up; p50/p95/p99/max. recorded_at is taken when the
 *                 relay writes the row, inside its batch transaction, so the row becomes visible
 *                 up to one batch later (a few ms).
 *   backlog       events committed but not yet audited when the load stopped, and how long the
 *                 relays took to catch up.
 * Then the relay alone (--backlog N, 0 to skip): N changes are written with every relay off, then
 * `--instances` relays start together and drain them; events/s = N / (last − first audit row's
 * recorded_at). This is the delivery ceiling, independent of how fast the writers can commit.
 * Results: a table on stdout and bench/results/events-<timestamp>.json.
 */

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
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
const log = (msg) => console.error(`[bench:events] ${msg}`);
const live = { children: new Set(), cleanups: [] };

function options() {
  const values = parseOptions(__filename, {
    rates: { type: 'string', default: '50,200,500' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    instances: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    backlog: { type: 'string', default: '5000' },
    out: { type: 'string', default: RESULTS_DIR },
    verbose: { type: 'boolean', default: false },
  });
  const rates = values.rates.split(',').map((r) => num(r.trim(), 'rates', 1));
  const opts = {
    rates,
    durationMs: num(values.duration, 'duration', 1) * 1000,
    warmupMs: num(values.warmup, 'warmup', 0) * 1000,
    instances: Math.round(num(values.instances, 'instances', 1)),
    concurrency: Math.round(num(values.concurrency, 'concurrency', 1)),
    backlog: Math.round(num(values.backlog, 'backlog', 0)),
    outDir: path.resolve(values.out),
    verbose: values.verbose,
  };
  if (opts.warmupMs >= opts.durationMs) throw new Error('--warmup must be shorter than --duration');
  return opts;
}

// ------------------------------------------------------------------------------------------
// Database

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

/** A fresh, migrated database with the probe table; returns its URLs. */
async function prepareDatabase() {
  const { bootstrapRoles, migrationsDir, startEmbeddedPostgres, withCredentials } = require(path.join(DIST, 'libs', 'db'));
  const { applyMigrations } = require(path.join(DIST, 'libs', 'atlas'));
  let serverAdminUrl = process.env.DATABASE_URL_ADMIN;
  let source = 'DATABASE_URL_ADMIN (a database created for the run)';
  if (!serverAdminUrl) {
    const dir = makeTempDir('renewa-bench-events-');
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), superuserPassword: crypto.randomBytes(12).toString('hex') });
    live.cleanups.push(async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    serverAdminUrl = server.adminUrl;
    source = 'embedded PostgreSQL started by the bench';
  }
  const name = `renewa_bench_events_${crypto.randomBytes(4).toString('hex')}`;
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
    (await query(adminUrl, `select name, setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', 'max_connections')`)).map((r) => [r.name, r.setting]),
  );
  return { adminUrl, appUrl: withCredentials(serverAdminUrl, 'app-user', password, name), source, settings };
}

// ------------------------------------------------------------------------------------------
// One rate

function startWriter(args, databaseUrl, verbose) {
  const child = spawn(process.execPath, [WRITER, ...args], { cwd: os.tmpdir(), env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.children.add(child);
  const commits = [];
  let ready;
  let writtenAt = null;
  const isReady = new Promise((resolve) => (ready = resolve));
  let stderr = '';
  child.stderr.on('data', (chunk) => (verbose ? process.stderr.write(chunk) : (stderr = (stderr + chunk).slice(-8000))));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [kind, a, b] = line.split(' ');
    if (kind === 'committed') commits.push({ id: a, committedAt: Number(b) });
    else if (kind === 'ready') ready();
    else if (kind === 'written') writtenAt = Number(b);
  });
  const exited = new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      live.children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`writer exited with ${code}:\n${stderr}`));
    }),
  );
  return { commits, isReady, exited, writtenAt: () => writtenAt };
}

async function runRate(db, rate, opts) {
  await query(db.adminUrl, 'TRUNCATE probe_writes, audit_logs, domain_events CASCADE');
  const perInstance = rate / opts.instances;
  const args = ['write', '--rate', String(perInstance), '--duration-ms', String(opts.durationMs), '--concurrency', String(opts.concurrency), '--relay', 'true'];
  const writers = Array.from({ length: opts.instances }, () => startWriter(args, db.appUrl, opts.verbose));
  await Promise.all(writers.map((w) => w.isReady));
  await Promise.all(writers.map((w) => w.exited));

  const commits = writers.flatMap((w) => w.commits);
  const loadStart = Math.min(...commits.map((c) => c.committedAt));
  const loadEnd = Math.max(...writers.map((w) => w.writtenAt()));
  const rows = await query(db.adminUrl, `select entity_id as id, recorded_at from audit_logs where action = 'test.probe-write.created'`);
  const recorded = new Map(rows.map((r) => [r.id, r.recorded_at.getTime()]));
  const [{ undelivered }] = await query(db.adminUrl, `select count(*)::int as undelivered from event_deliveries where status <> 'delivered'`);
  const measured = commits.filter((c) => c.committedAt >= loadStart + opts.warmupMs);
  const lags = measured.map((c) => recorded.get(c.id) - c.committedAt).filter(Number.isFinite).sort((a, b) => a - b);
  const windowS = (loadEnd - loadStart) / 1000;
  const inWindow = rows.filter((r) => r.recorded_at.getTime() <= loadEnd).length;
  const lastRecorded = Math.max(...rows.map((r) => r.recorded_at.getTime()));
  const pct = (p) => percentile(lags, p);
  return {
    offeredPerS: rate,
    writes: commits.length,
    writesPerS: round(commits.length / windowS),
    deliveredPerS: round(inWindow / windowS),
    audited: rows.length,
    missing: commits.filter((c) => !recorded.has(c.id)).length,
    undelivered,
    lagMs: { samples: lags.length, p50: pct(50), p95: pct(95), p99: pct(99), max: lags.length ? lags[lags.length - 1] : null },
    backlogAtLoadEnd: commits.filter((c) => c.committedAt <= loadEnd).length - inWindow,
    catchUpMs: Math.max(0, lastRecorded - loadEnd),
  };
}

/** Relay ceiling: a backlog written with the relays off, then drained by `instances` relays at once. */
async function runBacklog(db, opts) {
  await query(db.adminUrl, 'TRUNCATE probe_writes, audit_logs, domain_events CASCADE');
  const perInstance = Math.ceil(opts.backlog / opts.instances);
  const args = ['write', '--count', String(perInstance), '--concurrency', String(opts.concurrency), '--relay', 'false'];
  const writers = Array.from({ length: opts.instances }, () => startWriter(args, db.appUrl, opts.verbose));
  await Promise.all(writers.map((w) => w.exited));
  const relays = Array.from({ length: opts.instances }, () => startWriter(['drain'], db.appUrl, opts.verbose));
  await Promise.all(relays.map((r) => r.exited));
  const [row] = await query(
    db.adminUrl,
    `select count(*)::int as audited, extract(epoch from max(recorded_at) - min(recorded_at)) * 1000 as span_ms,
            (select count(*)::int from event_deliveries where status <> 'delivered') as undelivered
       from audit_logs where action = 'test.probe-write.created'`,
  );
  const spanMs = Number(row.span_ms);
  return { events: row.audited, spanMs: round(spanMs), deliveredPerS: spanMs > 0 ? round((row.audited / spanMs) * 1000) : null, undelivered: row.undelivered };
}

// ------------------------------------------------------------------------------------------

function table(results) {
  const header = ['offered/s', 'writes/s', 'delivered/s', 'lag p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'backlog at end', 'catch-up ms'];
  const body = results.map((r) =>
    [r.offeredPerS, r.writesPerS, r.deliveredPerS, r.lagMs.p50, r.lagMs.p95, r.lagMs.p99, r.lagMs.max, r.backlogAtLoadEnd, r.catchUpMs].map((v) => String(v ?? '-')),
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
  let backlog = null;
  let db;
  try {
    db = await prepareDatabase();
    log(`database: ${db.source}; PostgreSQL ${db.settings.server_version}, fsync=${db.settings.fsync}, synchronous_commit=${db.settings.synchronous_commit}`);
    for (const rate of opts.rates) {
      log(`${rate} writes/s for ${opts.durationMs / 1000} s over ${opts.instances} instance(s)…`);
      const result = await runRate(db, rate, opts);
      log(`  ${result.writesPerS} writes/s, ${result.deliveredPerS} delivered/s, lag p50 ${result.lagMs.p50} ms p99 ${result.lagMs.p99} ms`);
      results.push(result);
    }
    if (opts.backlog > 0) {
      log(`relay ceiling: ${opts.backlog} events written with the relays off, then drained by ${opts.instances} relay(s)…`);
      backlog = await runBacklog(db, opts);
      log(`  ${backlog.events} events in ${backlog.spanMs} ms: ${backlog.deliveredPerS} events/s`);
    }
  } finally {
    await cleanup();
  }

  console.log(`\nOutbox → audit: ${opts.instances} instance(s) writing and relaying, ${opts.durationMs / 1000} s per rate (lag after ${opts.warmupMs / 1000} s warm-up)\n`);
  console.log(table(results));
  if (backlog) {
    console.log(`\nRelay ceiling: a backlog of ${backlog.events} events drained by ${opts.instances} relay(s) in ${backlog.spanMs} ms = ${backlog.deliveredPerS} events/s to audit_logs`);
  }
  const problems = results.flatMap((r) => [
    r.missing ? `${r.offeredPerS}/s: ${r.missing} committed change(s) without an audit row` : null,
    r.undelivered ? `${r.offeredPerS}/s: ${r.undelivered} deliveries not delivered at the end` : null,
  ]).filter(Boolean);
  if (backlog && (backlog.undelivered || backlog.events < opts.backlog)) problems.push(`backlog: ${backlog.events}/${opts.backlog} audited, ${backlog.undelivered} undelivered`);
  for (const p of problems) console.log(`WARNING ${p}`);

  const report = { bench: 'events', startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), git: gitInfo(), machine, database: db && { source: db.source, settings: db.settings }, options: { ...opts, outDir: undefined }, results, backlog, problems };
  writeReport(opts.outDir, 'events', startedAt, report);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup().finally(() => process.exit(130)));

main().catch((error) => {
  console.error(`[bench:events] failed: ${error instanceof Error ? error.stack : error}`);
  cleanup().finally(() => process.exit(1));
});
