'use strict';
/**
 * The deployed topology for benches that measure the app against a database they fill: an
 * embedded PostgreSQL (or the one of DATABASE_URL + DATABASE_URL_MIGRATION), migrated and seeded,
 * PgBouncer in transaction mode in front of it, the app from dist/ through PgBouncer (production
 * mode, relay and housekeeping off) and a bearer token of the seeded administrator. Every child
 * process, server and temp dir is registered and removed by `cleanup()` — at the end, on failure
 * and on Ctrl-C (`runBench`).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { externalDatabase, startBouncerFor, startEmbeddedDatabase } = require('./database');
const { request } = require('./http');
const { freePort } = require('./net');
const { CLI, DB_ENV_VARS, MAIN, ROOT, SERVER_NODE_ARGS } = require('./paths');
const { killGroup, makeTempDir, sleep, spawnNode } = require('./processes');

const ADMIN_EMAIL = 'admin@renewa.de';
const REQUEST_TIMEOUT_MS = 30_000;

/** One keep-alive connection: measured requests run one after the other on it. */
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

function createBench(name) {
  const live = { children: new Set(), stops: [], dirs: new Set() };
  let aborting = false;
  const log = (msg) => console.error(`[bench:${name}] ${msg}`);

  function tempDir(prefix) {
    const dir = makeTempDir(prefix);
    live.dirs.add(dir);
    return dir;
  }

  /** A node child in its own process group, stopped by cleanup() if still running. */
  function spawnLive(script, args, env, verbose, cwd, nodeArgs = []) {
    const child = spawnNode(script, args, { cwd, env, verbose, nodeArgs });
    live.children.add(child);
    return child;
  }

  function stopChild(child) {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(live.children.delete(child));
    return new Promise((resolve) => {
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        live.children.delete(child);
        resolve();
      });
      killGroup(child, 'SIGTERM');
    });
  }

  async function cleanup() {
    for (const child of [...live.children]) await stopChild(child);
    for (const stop of live.stops.splice(0).reverse()) await stop().catch(() => undefined);
    for (const dir of live.dirs) fs.rmSync(dir, { recursive: true, force: true });
    live.dirs.clear();
  }

  async function runCli(args, env, opts, cwd) {
    const child = spawnLive(CLI, args, env, opts.verbose, cwd);
    const [code] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
    live.children.delete(child);
    if (code !== 0) throw new Error(`cli ${args[0]} failed (exit ${code}):\n${child.out.text}`);
  }

  async function startApp(env, opts, cwd) {
    const port = Number(env.PORT);
    const t0 = performance.now();
    const child = spawnLive(MAIN, [], env, opts.verbose, cwd, SERVER_NODE_ARGS);
    let exited = null;
    child.once('exit', (code, signal) => (exited = { code, signal }));
    for (;;) {
      if (exited) throw new Error(`app exited before ready (${JSON.stringify(exited)}):\n${child.out.text}`);
      if (performance.now() - t0 > 60_000) throw new Error(`app not ready after 60 s:\n${child.out.text}`);
      const res = await request(port, 'GET', '/health/ready', { timeout: REQUEST_TIMEOUT_MS });
      if (res?.status === 200) break;
      await sleep(10);
    }
    return { child, port };
  }

  /**
   * Database (embedded with `settings`, or the environment's), migrate + seed, PgBouncer, the app
   * and a token. `loadUrl` is the URL to fill and inspect the database with: the embedded
   * superuser, else the migration user. `addDatabase(name)` (embedded only) sets up a further
   * database on the same server and PgBouncer — roles, migrations, seeds — and starts an app on
   * it, for benches that compare two data sets side by side in the same time window.
   */
  async function startStack(opts, settings = {}) {
    for (const file of [MAIN, CLI]) if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
    const cwd = tempDir(`renewa-bench-${name}-cwd-`);
    const adminPassword = `Bench-${crypto.randomBytes(9).toString('hex')}`;
    const clean = { ...process.env };
    for (const variable of DB_ENV_VARS) delete clean[variable];
    const embedded = !(process.env.DATABASE_URL || process.env.DATABASE_URL_MIGRATION);
    const db = embedded
      ? await startEmbeddedDatabase({ dir: tempDir(`renewa-bench-${name}-pg-`), settings, onStop: (stop) => live.stops.push(stop), log })
      : externalDatabase();
    const cliEnv = (urls) => ({ ...clean, ...urls, NODE_ENV: 'production', ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'warn' });
    if (db.bootstrapEnv) await runCli(['bootstrap-roles'], { ...clean, ...db.bootstrapEnv }, opts, cwd);
    log('migrating and seeding');
    await runCli(['migrate'], cliEnv(db.urls), opts, cwd);
    await runCli(['seed'], cliEnv(db.urls), opts, cwd);
    const bouncer = await startBouncerFor(db, { dir: tempDir(`renewa-bench-${name}-bouncer-`), onSpawn: (child) => live.children.add(child), log });

    async function appOn(runtimeUrl, migrationUrl) {
      const app = await startApp(
        {
          ...clean,
          DATABASE_URL: runtimeUrl,
          DATABASE_URL_MIGRATION: migrationUrl,
          NODE_ENV: 'production',
          AUTO_SEED: 'false',
          LOG_LEVEL: 'warn',
          OUTBOX_RELAY_ENABLED: 'false',
          HOUSEKEEPING_ENABLED: 'false',
          HOST: '127.0.0.1',
          PORT: String(await freePort()),
          ADMIN_PASSWORD: adminPassword,
          JWT_SECRET: crypto.randomBytes(32).toString('base64url'),
        },
        opts,
        cwd,
      );
      const login = await request(app.port, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: adminPassword }, timeout: REQUEST_TIMEOUT_MS });
      if (login?.status !== 200) throw new Error(`sign-in as ${ADMIN_EMAIL} failed: ${login?.status} ${JSON.stringify(login?.body)}`);
      return { app, token: login.body.accessToken };
    }

    async function addDatabase(dbName) {
      if (!db.adminUrl) throw new Error('a further database needs the embedded PostgreSQL (a superuser); unset DATABASE_URL and DATABASE_URL_MIGRATION');
      const withDb = (url) => Object.assign(new URL(url), { pathname: `/${dbName}` }).toString();
      const { Client } = require('pg');
      const admin = new Client({ connectionString: db.adminUrl });
      await admin.connect();
      await admin.query(`create database "${dbName}"`).finally(() => admin.end());
      await runCli(['bootstrap-roles'], { ...clean, ...db.bootstrapEnv, DATABASE_URL_ADMIN: withDb(db.bootstrapEnv.DATABASE_URL_ADMIN) }, opts, cwd);
      const urls = { DATABASE_URL: withDb(db.urls.DATABASE_URL), DATABASE_URL_MIGRATION: withDb(db.urls.DATABASE_URL_MIGRATION) };
      log(`migrating and seeding ${dbName}`);
      await runCli(['migrate'], cliEnv(urls), opts, cwd);
      await runCli(['seed'], cliEnv(urls), opts, cwd);
      return { ...(await appOn(withDb(bouncer.url), urls.DATABASE_URL_MIGRATION)), loadUrl: withDb(db.adminUrl), dbName };
    }

    const { app, token } = await appOn(bouncer.url, db.urls.DATABASE_URL_MIGRATION);
    const loadUrl = db.adminUrl ?? db.urls.DATABASE_URL_MIGRATION;
    return { db, loadUrl, bouncer, app, token, dbName: new URL(db.urls.DATABASE_URL).pathname.slice(1), addDatabase };
  }

  /** Runs `main`, then cleans up (also on failure and on SIGINT/SIGTERM). */
  function runBench(main) {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        if (aborting) return;
        aborting = true;
        console.error(`\n[bench:${name}] ${signal}: cleaning up`);
        cleanup().finally(() => process.exit(130));
      });
    }
    main()
      .catch((error) => {
        if (aborting) return;
        console.error(`[bench:${name}] failed: ${error instanceof Error ? error.stack : error}`);
        process.exitCode = 1;
      })
      .finally(() => {
        if (!aborting) return cleanup();
      });
  }

  return { log, tempDir, startStack, runBench };
}

module.exports = { createBench, keepAlive, REQUEST_TIMEOUT_MS };
