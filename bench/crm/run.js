#!/usr/bin/env node
'use strict';
/*
 * CRM list bench: does the leads list stay fast from 10,000 to 1,000,000 leads?
 *
 *   npm run build && node bench/crm/run.js [--sizes 10000,1000000] [--requests 300] [--warmup 50]
 *                                          [--out bench/results] [--verbose]
 *
 * Setup: PostgreSQL from DATABASE_URL + DATABASE_URL_MIGRATION (the bench runs `cli migrate` and
 * `cli seed`; it ADDS leads to that database), else an embedded PostgreSQL in a temp directory;
 * PgBouncer (Debian's `pgbouncer`, required) in transaction pooling mode in front of it; the app
 * (`dist/server.js`, NODE_ENV=production, relay off) connecting through PgBouncer, signed in
 * as the seeded administrator (scope `all`).
 *
 * For each size in --sizes (ascending) the bench tops the leads table up to that size with
 * INSERT … SELECT … FROM generate_series (one statement per 100,000 rows, not one insert per row;
 * realistic spread of statuses, sources, departments, names with umlauts, e-mails, phones; every
 * new batch is OLDER than the rows before it, so the newest page is the same rows at every size),
 * runs VACUUM ANALYZE (what autovacuum does after a bulk load), then measures four requests over
 * HTTP, one at a time on a keep-alive connection (--warmup unmeasured, then --requests measured):
 *
 *   default   GET /api/v1/leads                                       newest 50
 *   filtered  GET /api/v1/leads?status=qualified&departmentId=<sales>
 *   search    GET /api/v1/leads?q=<one lead's e-mail address>           btree prefix on email
 *   (name     GET /api/v1/leads?q=krüger — informational, not gated: trigram substring search)
 *   deep      GET /api/v1/leads?cursor=<row at 90 % of the table>       keyset, no OFFSET
 *
 * and EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the app runs for each (built by the app's own
 * LeadsRepository from dist/, so it cannot drift). Reported: p50/p99 latency per query and size,
 * the ratio largest/smallest size (target ≤ 1.5), and the plans with the indexes they use.
 * A table on stdout and bench/results/crm-<timestamp>.json.
 */

const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { createBench, keepAlive, REQUEST_TIMEOUT_MS } = require('../lib/app-stack');
const { request } = require('../lib/http');
const { parseOptions } = require('../lib/options');
const { DIST, RESULTS_DIR } = require('../lib/paths');
const { gitInfo, machineInfo, writeReport } = require('../lib/report');
const stats = require('../lib/stats');
const SEED_CHUNK = 100_000;

const { log, startStack, runBench } = createBench('crm');
const round = (n, digits = 2) => stats.round(n, digits);

function options() {
  const values = parseOptions(__filename, {
    sizes: { type: 'string', default: '10000,1000000' },
    requests: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '50' },
    out: { type: 'string', default: RESULTS_DIR },
    verbose: { type: 'boolean', default: false },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1000) || sizes.some((s, i) => i > 0 && s <= sizes[i - 1])) {
    throw new Error('--sizes must be ascending integers >= 1000');
  }
  return { sizes, requests: Number(values.requests), warmup: Number(values.warmup), outDir: path.resolve(values.out), verbose: values.verbose };
}

// ------------------------------------------------------------------------------------------
// Data

const { FIRST, LAST, insertLeads } = require('../lib/leads');

async function topUp(loadUrl, target, fixture) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: loadUrl });
  await client.connect();
  try {
    const current = Number((await client.query('select count(*) from leads')).rows[0].count);
    const t0 = performance.now();
    for (let from = current + 1; from <= target; from += SEED_CHUNK) {
      const to = Math.min(target, from + SEED_CHUNK - 1);
      await insertLeads(client, from, to, fixture.departments, fixture.assignees);
      log(`  leads ${to.toLocaleString('en')} / ${target.toLocaleString('en')}`);
    }
    const seedMs = performance.now() - t0;
    const t1 = performance.now();
    await client.query('vacuum analyze leads');
    return { added: target - current, seedSeconds: round(seedMs / 1000, 1), vacuumSeconds: round((performance.now() - t1) / 1000, 1) };
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------------------------------
// Queries, measurement and plans

function querySpecs(fixture) {
  return {
    default: { label: 'default page', query: {} },
    filtered: { label: 'status=qualified & department', query: { status: ['qualified'], departmentId: fixture.salesDepartment } },
    search: { label: `q=${fixture.searchTerm}`, query: { q: fixture.searchTerm } },
    deep: { label: 'cursor at 90 %', query: { cursor: fixture.deepCursor } },
    // Informational, not one of the four gated queries: a text search by surname (trigram
    // substring match over search_text); one lead in 40 carries the name at every size.
    name: { label: 'q=krüger (trigram)', query: { q: 'krüger' }, informational: true },
  };
}

function toQueryString(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [].concat(value)) params.append(key, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function measure(port, token, query, opts) {
  const url = `/api/v1/leads${toQueryString(query)}`;
  const headers = { authorization: `Bearer ${token}` };
  const get = () => request(port, 'GET', url, { headers, agent: keepAlive, timeout: REQUEST_TIMEOUT_MS });
  const first = await get();
  if (first?.status !== 200) throw new Error(`GET ${url} answered ${first?.status}: ${JSON.stringify(first?.body).slice(0, 300)}`);
  for (let i = 0; i < opts.warmup; i++) await get();
  const times = [];
  for (let i = 0; i < opts.requests; i++) {
    const t0 = performance.now();
    const res = await get();
    times.push(performance.now() - t0);
    if (res?.status !== 200) throw new Error(`GET ${url} answered ${res?.status}`);
  }
  times.sort((a, b) => a - b);
  return { url, items: first.body.items.length, p50Ms: round(stats.percentile(times, 50)), p99Ms: round(stats.percentile(times, 99)), meanMs: round(times.reduce((a, b) => a + b, 0) / times.length) };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statement the app's LeadsRepository builds for `query` (scope all). */
async function explain(loadUrl, query) {
  const { drizzle } = require('drizzle-orm/node-postgres');
  const { Pool } = require('pg');
  const { LeadsRepository } = require(path.join(DIST, 'src', 'modules', 'crm', 'leads', 'leads.repository.js'));
  const { keysetQuery } = require(path.join(DIST, 'libs', 'pagination', 'index.js'));
  const pool = new Pool({ connectionString: loadUrl, max: 1 });
  try {
    // The repository runs its list query; a drizzle logger keeps the statement it ran.
    let captured;
    const repository = new LeadsRepository({ tx: drizzle(pool, { logger: { logQuery: (sql, params) => (captured = { sql, params }) } }) });
    const filters = { limit: 50, deleted: 'exclude', ...query };
    const keyset = keysetQuery(repository.sortSpec, { sort: undefined, cursor: query.cursor, limit: 50 });
    await repository.list(filters, { live: 'all' }, keyset);
    const { sql, params } = captured;
    const { rows } = await pool.query(`explain (analyze, buffers) ${sql}`, params);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const indexes = [...new Set(plan.flatMap((line) => [...line.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1])))];
    const seqScan = plan.some((line) => /Seq Scan on leads/.test(line));
    return { sql, params, plan, indexes, seqScan };
  } finally {
    await pool.end();
  }
}

async function deepCursor(loadUrl, size) {
  const { Client } = require('pg');
  const { encodeCursor } = require(path.join(DIST, 'libs', 'pagination', 'index.js'));
  const client = new Client({ connectionString: loadUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key from leads
        where deleted_at is null order by created_at desc, id desc offset $1 limit 1`,
      [Math.floor(size * 0.9)],
    );
    return encodeCursor(['-createdAt', rows[0].key, rows[0].id]);
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------------------------------

async function main() {
  const opts = options();
  const startedAt = new Date();
  const machine = machineInfo();
  log(`node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}`);
  // Room for bulk-loading a million rows.
  const { db, loadUrl, bouncer, app, token } = await startStack(opts, { shared_buffers: '256MB', maintenance_work_mem: '256MB', max_wal_size: '4GB' });

  const { Client } = require('pg');
  const client = new Client({ connectionString: loadUrl });
  await client.connect();
  const departments = (await client.query('select id from departments order by id')).rows.map((r) => r.id);
  const assignees = (await client.query('select id from users order by id')).rows.map((r) => r.id);
  const salesDepartment = (await client.query(`select id from departments where name->>'en' = 'Sales'`)).rows[0]?.id ?? departments[0];
  const settings = Object.fromEntries(
    (await client.query(`select name, setting from pg_settings where name in ('server_version', 'shared_buffers', 'work_mem', 'random_page_cost', 'effective_cache_size')`)).rows.map((r) => [r.name, r.setting]),
  );
  await client.end();
  const fixture = { departments, assignees, salesDepartment };

  const results = [];
  for (const size of opts.sizes) {
    log(`size ${size.toLocaleString('en')}: seeding with generate_series`);
    const seed = await topUp(loadUrl, size, fixture);
    log(`  +${seed.added.toLocaleString('en')} leads in ${seed.seedSeconds} s, vacuum analyze ${seed.vacuumSeconds} s`);
    // A search for one person by e-mail address (pasted from an inbox), the same lead at every
    // size: it is among the first rows seeded. `q` with an @ is a prefix match on the e-mail column.
    fixture.searchTerm ??= `${FIRST[4711 % 20].toLowerCase()}.${LAST[Math.floor(4711 / 20) % 40].toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 's')}.4711@example.org`;
    fixture.deepCursor = await deepCursor(loadUrl, size);
    const queries = {};
    for (const [name, spec] of Object.entries(querySpecs(fixture))) {
      const latency = await measure(app.port, token, spec.query, opts);
      const plan = await explain(loadUrl, spec.query);
      queries[name] = { label: spec.label, informational: spec.informational ?? false, ...latency, indexes: plan.indexes, seqScan: plan.seqScan, plan: plan.plan, sql: plan.sql };
      log(`  ${name.padEnd(8)} p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, ${latency.items} items; indexes: ${plan.indexes.join(', ') || 'none'}${plan.seqScan ? ' (SEQ SCAN)' : ''}`);
    }
    results.push({ size, seed, queries });
  }

  const smallest = results[0];
  const largest = results[results.length - 1];
  const ratios = Object.fromEntries(
    Object.keys(largest.queries).map((name) => [
      name,
      { p50: round(largest.queries[name].p50Ms / smallest.queries[name].p50Ms), p99: round(largest.queries[name].p99Ms / smallest.queries[name].p99Ms) },
    ]),
  );
  const header = ['query', ...results.flatMap((r) => [`p50 @${r.size}`, `p99 @${r.size}`]), 'p50 ratio', 'p99 ratio', 'indexes (largest size)'];
  const rows = Object.keys(largest.queries).map((name) => [
    name,
    ...results.flatMap((r) => [r.queries[name].p50Ms, r.queries[name].p99Ms]),
    ratios[name].p50,
    ratios[name].p99,
    largest.queries[name].indexes.join(', ') + (largest.queries[name].seqScan ? ' + SEQ SCAN' : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\nleads list over HTTP through PgBouncer, ${opts.requests} sequential requests per query (+${opts.warmup} warm-up), latency in ms\n`);
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
  const over = Object.entries(ratios).filter(([name, r]) => r.p50 > 1.5 && !largest.queries[name].informational);
  console.log(over.length ? `\nRATIO ABOVE 1.5 (p50): ${over.map(([n]) => n).join(', ')}` : '\nevery p50 ratio largest/smallest of the four gated queries ≤ 1.5 (name: informational)');
  for (const [name, q] of Object.entries(largest.queries)) console.log(`\n-- ${name} @${largest.size}: EXPLAIN (ANALYZE, BUFFERS)\n${q.plan.map((l) => `   ${l}`).join('\n')}`);

  const report = {
    bench: 'crm',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    git: gitInfo(),
    machine: { ...machine, loadAverage1m: round(os.loadavg()[0]) },
    options: { sizes: opts.sizes, requests: opts.requests, warmup: opts.warmup },
    database: { source: db.source, settings },
    pgbouncer: bouncer.version,
    results,
    ratios,
  };
  writeReport(opts.outDir, 'crm', startedAt, report);
}

runBench(main);
