#!/usr/bin/env node
'use strict';
/*
 * API benchmark: the app (`node dist/server.js`) behind PgBouncer (transaction pooling), against
 * a bare Fastify + node-postgres server running the same SQL (bench/api/baseline.js), in the same
 * run on the same machine, driven by autocannon.
 *
 *   node bench/api/run.js [--duration 10] [--warmup 3] [--connections 50] [--scenario get,list,create]
 *                         [--pool 10] [--log-level warn] [--out bench/results] [--show-sql] [--cpu-prof DIR] [--perf DIR] [--verbose]
 *
 * Scenarios (departments of the auth context as the seeded administrator; leads as a user with the
 * standard `sales` role, whose lead grants are department-scoped, over 2,000 generated leads):
 *   get     GET  /api/v1/departments/{id}   a seeded department
 *   list    GET  /api/v1/departments        the default page (limit 50)
 *   create  POST /api/v1/departments        a new department per request (unique name)
 *   lead    GET  /api/v1/leads/{id}         a lead of the user's department (37 fields)
 *   leads   GET  /api/v1/leads?limit=50     the newest 50 leads the user's scope covers
 *
 * Setup: PostgreSQL from DATABASE_URL + DATABASE_URL_MIGRATION (app-user and migration-user of an
 * existing database; the bench runs `cli migrate` and `cli seed`), otherwise an embedded PostgreSQL
 * the bench creates in a temp directory (`cli bootstrap-roles`, `migrate`, `seed`). PgBouncer
 * (Debian's `pgbouncer`, required) in transaction mode in front of it, pool 20. Both servers use
 * a runtime pool of --pool connections through PgBouncer. The app runs with NODE_ENV=production,
 * AUTO_SEED=false and LOG_LEVEL=--log-level (default warn: no per-request log lines; use info to
 * measure them too).
 *
 * Per scenario: --warmup seconds unmeasured, then --duration seconds measured with --connections
 * connections, first the app, then the baseline. Reported: req/s (mean), latency p50 and p99 (ms),
 * non-2xx responses, the ratio app/baseline, and each server's CPU time (user + system from
 * /proc/<pid>/stat over the measured window) per request with the ratio baseline/app: on a shared,
 * busy machine req/s measure the scheduler as much as the server, CPU time per request does not,
 * and for a server whose one JS thread is the bottleneck it is what the req/s ratio becomes on an
 * idle machine. Also: boot time of each server (spawn → first
 * 200 from /health/ready) and RSS after boot and after the load. A table on stdout and
 * bench/results/api-<timestamp>.json.
 *
 * --cpu-prof DIR: run the app unbundled (dist/src/main.js, so frames keep their package) with
 * `node --cpu-prof`; its profile lands in DIR when the bench stops it. Summarise it with
 * `node bench/api/profile-summary.js DIR/<file>.cpuprofile`. The numbers of such a run are not
 * comparable with other runs (profiler overhead, unbundled modules).
 *
 * --perf DIR: run the app unbundled with perf symbol maps and `perf record -e cpu-clock` it during
 * each scenario's measured window into DIR/<scenario>.perf.data (Linux perf required); summarise
 * with `node bench/api/perf-summary.js DIR/<scenario>.perf.data`. Unlike --cpu-prof it samples only
 * on-CPU time, in every thread and the kernel, so a busy machine does not distort it.
 *
 * --show-sql (embedded PostgreSQL only): log every statement of app-user, send one request per
 * scenario to the app, print the statements it ran, and exit. baseline.js must run the same ones.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { request } = require('../lib/http');
const { freePort } = require('../lib/net');
const { integerOption, parseOptions, scenarioList } = require('../lib/options');
const { CLI, DB_ENV_VARS, MAIN, RESULTS_DIR, ROOT, SERVER_NODE_ARGS } = require('../lib/paths');
const { externalDatabase, startBouncerFor, startEmbeddedDatabase } = require('../lib/database');
const { cpuTimeMs: procCpuTimeMs, mainThreadCpuTimeMs: procMainThreadCpuTimeMs, killGroup, makeTempDir, memoryMb: procMemoryMb, sleep, spawnNode: spawnDetached, waitExit } = require('../lib/processes');
const { formatTable, gitInfo, machineInfo, writeReport } = require('../lib/report');
const { round } = require('../lib/stats');
const { insertLeads } = require('../lib/leads');

const BASELINE = path.join(__dirname, 'baseline.js');
/** The same program unbundled: a profile of it names the package of every frame. */
const UNBUNDLED_MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const ADMIN_EMAIL = 'admin@renewa.de';
/** `path` of a GET scenario from the fixture; `as`: whose token (the administrator, or the sales user). */
const SCENARIOS = {
  get: { method: 'GET', label: 'GET /api/v1/departments/{id}', path: (f) => `/api/v1/departments/${f.departmentId}` },
  list: { method: 'GET', label: 'GET /api/v1/departments (default page)', path: () => '/api/v1/departments' },
  create: { method: 'POST', label: 'POST /api/v1/departments' },
  lead: { method: 'GET', label: 'GET /api/v1/leads/{id} (department scope)', path: (f) => `/api/v1/leads/${f.leadId}`, as: 'sales' },
  leads: { method: 'GET', label: 'GET /api/v1/leads?limit=50 (department scope)', path: () => '/api/v1/leads?limit=50', as: 'sales' },
};
const LEADS = 2000;
const SALES_EMAIL = 'bench.sales@renewa.de';

// ------------------------------------------------------------------------------------------
// Options

function options() {
  const values = parseOptions(__filename, {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    scenario: { type: 'string', default: 'get,list,create,lead,leads' },
    pool: { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'warn' },
    out: { type: 'string', default: RESULTS_DIR },
    'show-sql': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string', default: '' },
    perf: { type: 'string', default: '' },
    verbose: { type: 'boolean', default: false },
  });
  const int = (name, min) => integerOption(values, name, min);
  const scenarios = scenarioList(values.scenario, SCENARIOS);
  return {
    duration: int('duration', 1),
    warmup: int('warmup', 0),
    connections: int('connections', 1),
    pool: int('pool', 1),
    logLevel: values['log-level'],
    scenarios,
    outDir: path.resolve(values.out),
    showSql: values['show-sql'],
    cpuProfDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
    perfDir: values.perf ? path.resolve(values.perf) : undefined,
    verbose: values.verbose,
  };
}

// ------------------------------------------------------------------------------------------
// Cleanup: every child, server and temp dir is stopped/removed on every way out.

const live = { children: new Set(), stops: [], dirs: new Set() };
let aborting = false;

function tempDir(prefix) {
  const dir = makeTempDir(prefix);
  live.dirs.add(dir);
  return dir;
}

async function stopChild(child, signal = 'SIGTERM') {
  killGroup(child, signal);
  if (!(await waitExit(child, 10_000))) killGroup(child, 'SIGKILL');
  await waitExit(child, 5000);
  live.children.delete(child);
}

async function cleanup() {
  for (const child of [...live.children]) await stopChild(child);
  for (const stop of live.stops.splice(0).reverse()) await stop().catch(() => undefined);
  for (const dir of live.dirs) fs.rmSync(dir, { recursive: true, force: true });
  live.dirs.clear();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (aborting) return;
    aborting = true;
    console.error(`\n[bench:api] ${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

// ------------------------------------------------------------------------------------------
// Helpers

const log = (msg) => console.error(`[bench:api] ${msg}`);

/** RSS and peak RSS in MB, rounded; nulls where /proc is not readable. */
function memoryMb(pid) {
  try {
    const { rssMb, hwmMb } = procMemoryMb(pid);
    return { rssMb: round(rssMb), hwmMb: round(hwmMb) };
  } catch {
    return { rssMb: null, hwmMb: null };
  }
}

/** CPU time (user + system) of the process so far in ms; null where /proc is not readable. */
function cpuTimeMs(pid) {
  try {
    return procCpuTimeMs(pid);
  } catch {
    return null;
  }
}

function mainThreadCpuTimeMs(pid) {
  try {
    return procMainThreadCpuTimeMs(pid);
  } catch {
    return null;
  }
}

/** A child in its own process group, in an empty working directory (no developer .env leaks in). */
function spawnNode(script, args, env, verbose, cwd, nodeArgs = []) {
  const child = spawnDetached(script, args, { cwd, env, verbose, nodeArgs });
  live.children.add(child);
  return child;
}

async function runCli(args, env, opts, cwd) {
  const child = spawnNode(CLI, args, env, opts.verbose, cwd);
  const [code] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  live.children.delete(child);
  if (code !== 0) throw new Error(`cli ${args[0]} failed (exit ${code}):\n${child.out.text}`);
}

/** Spawns a server and polls /health/ready until 200: the boot time. */
async function startServer(name, script, env, opts, cwd, nodeArgs = []) {
  const port = Number(env.PORT);
  const t0 = performance.now();
  const child = spawnNode(script, [], env, opts.verbose, cwd, nodeArgs);
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  for (;;) {
    if (exited) throw new Error(`${name} exited before ready (${JSON.stringify(exited)}):\n${child.out.text}`);
    if (performance.now() - t0 > 60_000) throw new Error(`${name} not ready after 60 s:\n${child.out.text}`);
    const res = await request(port, 'GET', '/health/ready');
    if (res?.status === 200) break;
    await sleep(10);
  }
  const bootMs = round(performance.now() - t0);
  return { name, child, port, bootMs, bootCpuMs: cpuTimeMs(child.pid), bootMemory: memoryMb(child.pid) };
}

// ------------------------------------------------------------------------------------------
// Load

function tokenFor(scenario, fixture) {
  return SCENARIOS[scenario].as === 'sales' ? fixture.salesToken : fixture.token;
}

function loadOptions(port, scenario, fixture, opts, duration) {
  const headers = { authorization: `Bearer ${tokenFor(scenario, fixture)}` };
  const origin = `http://127.0.0.1:${port}`;
  const base = { url: origin, connections: opts.connections, duration, headers };
  if (SCENARIOS[scenario].path) return { ...base, url: `${origin}${SCENARIOS[scenario].path(fixture)}`, method: 'GET' };
  const run = crypto.randomBytes(3).toString('hex');
  let n = 0;
  return {
    ...base,
    headers: { ...headers, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/api/v1/departments',
        setupRequest: (req) => {
          n++;
          return { ...req, body: JSON.stringify({ name: { de: `Abteilung ${run}-${n}`, en: `Department ${run}-${n}` } }) };
        },
      },
    ],
  };
}

async function drive(server, scenario, fixture, opts) {
  const autocannon = require('autocannon');
  if (opts.warmup) await autocannon(loadOptions(server.port, scenario, fixture, opts, opts.warmup));
  const cpuBefore = cpuTimeMs(server.child.pid);
  const mainBefore = mainThreadCpuTimeMs(server.child.pid);
  const recording = server.name === 'app' && opts.perfDir ? perfRecord(server.child.pid, path.join(opts.perfDir, `${scenario}.perf.data`), opts.duration) : undefined;
  const r = await autocannon(loadOptions(server.port, scenario, fixture, opts, opts.duration));
  await recording;
  const cpuMs = cpuBefore === null ? null : cpuTimeMs(server.child.pid) - cpuBefore;
  const mainMs = mainBefore === null ? null : mainThreadCpuTimeMs(server.child.pid) - mainBefore;
  const memory = memoryMb(server.child.pid);
  return {
    reqPerSec: round(r.requests.average),
    // The server's own CPU time per answered request: what its throughput converges to on an
    // idle machine (one busy JS thread), whatever else ran meanwhile.
    cpuMs: cpuMs === null ? null : round(cpuMs),
    cpuMsPerRequest: cpuMs === null || !r.requests.total ? null : round(cpuMs / r.requests.total, 4),
    // The JS thread's share: one process's throughput is bounded by it.
    mainThreadCpuMsPerRequest: mainMs === null || !r.requests.total ? null : round(mainMs / r.requests.total, 4),
    latencyP50Ms: round(r.latency.p50, 2),
    latencyP99Ms: round(r.latency.p99, 2),
    latencyAvgMs: round(r.latency.average, 2),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)])),
    rssMbAfter: memory.rssMb,
  };
}

/** `perf record` of the process's on-CPU time (every thread, kernel included) for `seconds`. */
function perfRecord(pid, file, seconds) {
  const { spawn } = require('node:child_process');
  const child = spawn('perf', ['record', '-e', 'cpu-clock', '-F', '999', '-g', '-p', String(pid), '-o', file, '--', 'sleep', String(seconds)], { stdio: 'ignore' });
  live.children.add(child);
  return new Promise((resolve) => child.once('exit', () => resolve(live.children.delete(child))));
}

// ------------------------------------------------------------------------------------------
// Leads: a sales user (role `sales`: leads in their department) and leads spread over departments

async function leadsFixture(app, db, adminToken, password) {
  const admin = { authorization: `Bearer ${adminToken}` };
  const roles = await request(app.port, 'GET', '/api/v1/roles?limit=100', { headers: admin });
  const salesRole = roles?.body?.items?.find((r) => r.key === 'sales');
  const departments = await request(app.port, 'GET', '/api/v1/departments?limit=100', { headers: admin });
  const sales = departments?.body?.items?.find((d) => d.name?.en === 'Sales');
  if (!salesRole || !sales) throw new Error('the seeded sales role or department is missing');
  const user = await request(app.port, 'POST', '/api/v1/users', { headers: admin, body: { email: SALES_EMAIL, name: 'Bench Sales', departmentId: sales.id, password } });
  if (user?.status !== 201) throw new Error(`creating ${SALES_EMAIL} failed: ${user?.status} ${JSON.stringify(user?.body)}`);
  const assigned = await request(app.port, 'PUT', `/api/v1/users/${user.body.id}/roles`, { headers: admin, body: { roleIds: [salesRole.id] } });
  if (assigned?.status !== 200) throw new Error(`assigning the sales role failed: ${assigned?.status} ${JSON.stringify(assigned?.body)}`);

  const { Client } = require('pg');
  const client = new Client({ connectionString: db.adminUrl ?? db.urls.DATABASE_URL_MIGRATION });
  await client.connect();
  let leadId;
  try {
    const departmentIds = departments.body.items.map((d) => d.id);
    const assignees = (await client.query('select id from users order by id')).rows.map((r) => r.id);
    await client.query('delete from leads where email like $1', ['%@example.org']);
    await insertLeads(client, 1, LEADS, departmentIds, assignees);
    await client.query('analyze leads');
    leadId = (await client.query('select id from leads where department_id = $1 order by created_at desc limit 1', [sales.id])).rows[0].id;
  } finally {
    await client.end();
  }
  const login = await request(app.port, 'POST', '/api/v1/auth/login', { body: { email: SALES_EMAIL, password } });
  if (login?.status !== 200) throw new Error(`sign-in as ${SALES_EMAIL} failed: ${login?.status}`);
  return { salesToken: login.body.accessToken, leadId };
}

// ------------------------------------------------------------------------------------------
// Statement capture (--show-sql)

async function showSql(db, app, fixture) {
  if (!db.adminUrl) throw new Error('--show-sql needs the embedded PostgreSQL (it sets log_statement as superuser)');
  const before = fs.existsSync(db.logFile) ? fs.statSync(db.logFile).size : 0;
  for (const [scenario, { label }] of Object.entries(SCENARIOS)) {
    const start = fs.statSync(db.logFile).size;
    const auth = { authorization: `Bearer ${tokenFor(scenario, fixture)}` };
    if (SCENARIOS[scenario].path) await request(app.port, 'GET', SCENARIOS[scenario].path(fixture), { headers: auth });
    if (scenario === 'create') await request(app.port, 'POST', '/api/v1/departments', { headers: auth, body: { name: { de: 'SQL-Probe', en: 'SQL probe' } } });
    await sleep(300);
    const text = fs.readFileSync(db.logFile, 'utf8').slice(start);
    const statements = text
      .split('\n')
      .filter((l) => /LOG:\s+(statement|execute [^:]*):/.test(l))
      .map((l) => l.replace(/^.*LOG:\s+(statement|execute [^:]*):\s*/, ''));
    console.log(`\n== ${label}: ${statements.length} statements\n${statements.map((s) => `  ${s}`).join('\n')}`);
  }
  void before;
}

// ------------------------------------------------------------------------------------------
// Report

function table(rows) {
  const header = ['scenario', 'server', 'req/s', 'CPU ms/req', 'JS thread', 'p50 ms', 'p99 ms', 'non-2xx', 'RSS after MB', 'app/baseline req/s', 'baseline/app CPU', 'JS thread', 'p50 ×', 'p99 ×'];
  const body = rows.map((r) => r.map((c) => (c === null || c === undefined ? '-' : String(c))));
  return formatTable(header, body, { leftColumns: 2 });
}

// ------------------------------------------------------------------------------------------

async function main() {
  const opts = options();
  for (const file of [MAIN, CLI]) if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  const startedAt = new Date();
  const machine = machineInfo();
  log(`node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}`);
  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > machine.cpus / 2) log(`WARNING: load average ${loadAtStart.toFixed(2)} on ${machine.cpus} CPUs: the machine is busy, the numbers will be noisy`);
  const cwd = tempDir('renewa-bench-api-cwd-');
  const adminPassword = `Bench-${crypto.randomBytes(9).toString('hex')}`;
  const clean = { ...process.env };
  for (const name of DB_ENV_VARS) delete clean[name];

  const embedded = !(process.env.DATABASE_URL || process.env.DATABASE_URL_MIGRATION);
  const db = embedded
    ? await startEmbeddedDatabase({ dir: tempDir('renewa-bench-api-pg-'), onStop: (stop) => live.stops.push(stop), log })
    : externalDatabase();
  const cliEnv = { ...clean, ...db.urls, NODE_ENV: 'production', ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'warn' };
  if (db.bootstrapEnv) await runCli(['bootstrap-roles'], { ...clean, ...db.bootstrapEnv }, opts, cwd);
  log('migrating and seeding');
  await runCli(['migrate'], cliEnv, opts, cwd);
  await runCli(['seed'], cliEnv, opts, cwd);
  if (opts.showSql) {
    const { Client } = require('pg');
    const su = new Client({ connectionString: db.adminUrl });
    await su.connect();
    await su.query(`ALTER ROLE "app-user" SET log_statement = 'all'`);
    await su.end();
  }
  const bouncer = await startBouncerFor(db, { dir: tempDir('renewa-bench-api-bouncer-'), onSpawn: (child) => live.children.add(child), log });

  const appPort = await freePort();
  const appEnv = {
    ...clean,
    DATABASE_URL: bouncer.url,
    DATABASE_URL_MIGRATION: db.urls.DATABASE_URL_MIGRATION,
    NODE_ENV: 'production',
    AUTO_SEED: 'false',
    LOG_LEVEL: opts.logLevel,
    DB_POOL_MAX: String(opts.pool),
    HOST: '127.0.0.1',
    PORT: String(appPort),
    ADMIN_PASSWORD: adminPassword,
    JWT_SECRET: crypto.randomBytes(32).toString('base64url'),
  };
  log('starting the app');
  if (opts.perfDir) fs.mkdirSync(opts.perfDir, { recursive: true });
  const app = opts.cpuProfDir
    ? await startServer('app', UNBUNDLED_MAIN, appEnv, opts, cwd, [...SERVER_NODE_ARGS, '--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir])
    : opts.perfDir
      ? await startServer('app', UNBUNDLED_MAIN, appEnv, opts, cwd, [...SERVER_NODE_ARGS, '--perf-basic-prof-only-functions', '--interpreted-frames-native-stack'])
      : await startServer('app', MAIN, appEnv, opts, cwd, SERVER_NODE_ARGS);
  const login = await request(app.port, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: adminPassword } });
  if (login?.status !== 200) throw new Error(`sign-in as ${ADMIN_EMAIL} failed: ${login?.status} ${JSON.stringify(login?.body)}`);
  const token = login.body.accessToken;
  const page = await request(app.port, 'GET', '/api/v1/departments?limit=1', { headers: { authorization: `Bearer ${token}` } });
  const departmentId = page?.body?.items?.[0]?.id;
  if (!departmentId) throw new Error(`no department to read: ${page?.status} ${JSON.stringify(page?.body)}`);
  const fixture = { token, departmentId, ...(await leadsFixture(app, db, token, adminPassword)) };

  if (opts.showSql) {
    await showSql(db, app, fixture);
    return;
  }

  log('starting the baseline (bare Fastify + pg)');
  const baseline = await startServer('baseline', BASELINE, { ...clean, BASELINE_DATABASE_URL: bouncer.url, POOL_MAX: String(opts.pool), PORT: String(await freePort()) }, opts, cwd);
  for (const name of opts.scenarios.filter((n) => SCENARIOS[n].path)) {
    const headers = { authorization: `Bearer ${tokenFor(name, fixture)}` };
    const [mine, theirs] = await Promise.all([app, baseline].map((server) => request(server.port, 'GET', SCENARIOS[name].path(fixture), { headers })));
    if (theirs?.status !== 200) throw new Error(`baseline answered ${theirs?.status} for ${name}: ${JSON.stringify(theirs?.body)}`);
    const size = (r) => JSON.stringify(r.body).length;
    log(`${name}: app answers ${size(mine)} bytes, baseline ${size(theirs)} bytes`);
  }

  const scenarios = [];
  for (const name of opts.scenarios) {
    log(`${SCENARIOS[name].label}: app`);
    const appResult = await drive(app, name, fixture, opts);
    log(`${SCENARIOS[name].label}: baseline`);
    const baseResult = await drive(baseline, name, fixture, opts);
    const ratio = {
      reqPerSec: round(appResult.reqPerSec / baseResult.reqPerSec, 3),
      // baseline/app CPU per request: comparable with the req/s ratio, but load-robust.
      cpuPerRequest: appResult.cpuMsPerRequest && baseResult.cpuMsPerRequest ? round(baseResult.cpuMsPerRequest / appResult.cpuMsPerRequest, 3) : null,
      mainThreadCpuPerRequest:
        appResult.mainThreadCpuMsPerRequest && baseResult.mainThreadCpuMsPerRequest ? round(baseResult.mainThreadCpuMsPerRequest / appResult.mainThreadCpuMsPerRequest, 3) : null,
      latencyP50: round(appResult.latencyP50Ms / baseResult.latencyP50Ms, 2),
      latencyP99: round(appResult.latencyP99Ms / baseResult.latencyP99Ms, 2),
    };
    scenarios.push({ name, request: SCENARIOS[name].label, app: appResult, baseline: baseResult, ratio });
    log(
      `${name}: app ${appResult.reqPerSec} req/s ${appResult.cpuMsPerRequest} CPU ms/req (JS thread ${appResult.mainThreadCpuMsPerRequest}), ` +
        `baseline ${baseResult.reqPerSec} req/s ${baseResult.cpuMsPerRequest} CPU ms/req (JS thread ${baseResult.mainThreadCpuMsPerRequest}), ` +
        `ratio req/s ${ratio.reqPerSec}, CPU ${ratio.cpuPerRequest}, JS thread CPU ${ratio.mainThreadCpuPerRequest} (load ${os.loadavg()[0].toFixed(1)})`,
    );
  }
  const servers = Object.fromEntries(
    [app, baseline].map((s) => [s.name, { bootMs: s.bootMs, bootCpuMs: s.bootCpuMs, rssMbAfterBoot: s.bootMemory.rssMb, ...memoryMb(s.child.pid) }]),
  );

  const rows = [];
  for (const s of scenarios) {
    const { app: a, baseline: b, ratio: q } = s;
    rows.push([s.name, 'app', a.reqPerSec, a.cpuMsPerRequest, a.mainThreadCpuMsPerRequest, a.latencyP50Ms, a.latencyP99Ms, a.non2xx, a.rssMbAfter, q.reqPerSec, q.cpuPerRequest, q.mainThreadCpuPerRequest, q.latencyP50, q.latencyP99]);
    rows.push(['', 'baseline', b.reqPerSec, b.cpuMsPerRequest, b.mainThreadCpuMsPerRequest, b.latencyP50Ms, b.latencyP99Ms, b.non2xx, b.rssMbAfter, null, null, null, null, null]);
  }
  console.log(`\nAPI: ${opts.connections} connections, ${opts.duration} s per scenario (+${opts.warmup} s warm-up), through PgBouncer, pool ${opts.pool}; app LOG_LEVEL=${opts.logLevel}\n`);
  console.log(table(rows));
  console.log(
    `\nboot (spawn → /health/ready 200): app ${servers.app.bootMs} ms (${servers.app.bootCpuMs} ms CPU), baseline ${servers.baseline.bootMs} ms (${servers.baseline.bootCpuMs} ms CPU); ` +
      `RSS after boot: app ${servers.app.rssMbAfterBoot} MB, baseline ${servers.baseline.rssMbAfterBoot} MB; ` +
      `peak RSS: app ${servers.app.hwmMb} MB, baseline ${servers.baseline.hwmMb} MB`,
  );
  const problems = scenarios.flatMap((s) =>
    ['app', 'baseline'].filter((k) => s[k].non2xx || s[k].errors).map((k) => `${s.name}/${k}: ${s[k].non2xx} non-2xx, ${s[k].errors} errors (${JSON.stringify(s[k].statusCodes)})`),
  );
  for (const p of problems) console.log(`WARNING ${p}: the numbers of this row are not comparable`);

  const report = {
    bench: 'api',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    git: gitInfo(),
    machine: { ...machine, loadAverage1m: { start: round(loadAtStart, 2), end: round(os.loadavg()[0], 2) } },
    options: { duration: opts.duration, warmup: opts.warmup, connections: opts.connections, pool: opts.pool, appLogLevel: opts.logLevel },
    database: db.source,
    pgbouncer: bouncer.version,
    servers,
    scenarios,
    problems,
  };
  writeReport(opts.outDir, 'api', startedAt, report);
}

main()
  .catch((error) => {
    if (aborting) return;
    console.error(`[bench:api] failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!aborting) return cleanup();
  });
