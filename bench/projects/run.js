#!/usr/bin/env node
'use strict';
/*
 * Projects bench: does GET of a full scenario (measures, components, requirement checks) stay as
 * fast, and run as many statements, with 100,000 projects in the database as with 1,000?
 *
 *   npm run build && node bench/projects/run.js [--sizes 1000,100000] [--requests 300] [--warmup 50]
 *                                               [--statement-requests 20] [--out bench/results] [--verbose]
 *
 * Setup (bench/lib/app-stack.js): an embedded PostgreSQL in a temp directory with
 * pg_stat_statements preloaded (required: each size is its own database on it), PgBouncer
 * (Debian's `pgbouncer`, required) in transaction pooling mode, and per size one database
 * (`renewa`, `renewa_<size>`: roles, migrations, seeds) with its own app (`dist/server.js`,
 * NODE_ENV=production, relay and housekeeping off) through PgBouncer, signed in as the seeded
 * administrator (scope `all`).
 *
 * In each database the measured project is made through the API, as a consultant would: a
 * building with 40 envelope components (walls with layers of catalogue materials, windows, doors,
 * ceilings, roofs — U-values computed on the way), an iSFP of 5 packages × 6 measures (20 envelope
 * measures naming the 40 components, 10 plant measures), and a copy of it, presented. Then the
 * projects table is filled up to the size with filler projects by INSERT … SELECT … FROM
 * generate_series (10,000 projects per statement, each with a building, 12 components, an iSFP
 * scenario and 6 measures), VACUUM ANALYZE and a CHECKPOINT (so none runs during the measurement).
 *
 * The sizes are measured side by side, in the same time window, so that the noise of a shared
 * machine falls on all of them alike: --warmup unmeasured requests each, then --requests rounds of
 * one request per size, alternating the order, each on its keep-alive connection:
 *
 *   draft      GET /api/v1/scenarios/{id}/full   of the draft: checks computed per request (gated)
 *   presented  GET /api/v1/scenarios/{id}/full   of the presented copy: its snapshot (informational)
 *
 * Statements per request: pg_stat_statements is reset, --statement-requests requests sent per size,
 * and app-user's calls in that database (and their execution time) divided by that number; the
 * normalized statements are in the JSON. The table shows p50/p99, statements and database time per
 * request for each size, and the ratios largest/smallest size (target: p99 ≤ 1.5).
 * A table on stdout and bench/results/projects-<timestamp>.json.
 */

const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const http = require('node:http');
const { createBench, REQUEST_TIMEOUT_MS } = require('../lib/app-stack');
const { request } = require('../lib/http');
const { integerOption, parseOptions } = require('../lib/options');
const { RESULTS_DIR } = require('../lib/paths');
const { gitInfo, machineInfo, writeReport } = require('../lib/report');
const stats = require('../lib/stats');

const { log, startStack, runBench } = createBench('projects');
const round = (n, digits = 2) => stats.round(n, digits);
const FILLER_CHUNK = 10_000;

function options() {
  const values = parseOptions(__filename, {
    sizes: { type: 'string', default: '1000,100000' },
    requests: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '50' },
    'statement-requests': { type: 'string', default: '20' },
    out: { type: 'string', default: RESULTS_DIR },
    verbose: { type: 'boolean', default: false },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s < 10) || sizes.some((s, i) => i > 0 && s <= sizes[i - 1])) throw new Error('--sizes must be ascending integers >= 10');
  return {
    sizes,
    requests: integerOption(values, 'requests', 1),
    warmup: integerOption(values, 'warmup', 0),
    statementRequests: integerOption(values, 'statement-requests', 1),
    outDir: path.resolve(values.out),
    verbose: values.verbose,
  };
}

// ------------------------------------------------------------------------------------------
// The measured project, through the API

function apiClient(port, token) {
  return async (method, pathname, body) => {
    const res = await request(port, method, `/api/v1${pathname}`, { headers: { authorization: `Bearer ${token}` }, body, timeout: REQUEST_TIMEOUT_MS });
    if (!res || res.status >= 300) throw new Error(`${method} ${pathname} answered ${res?.status}: ${JSON.stringify(res?.body).slice(0, 500)}`);
    return res.body;
  };
}

/** Material ids of the seeded catalogue, by German name. */
async function catalogue(api) {
  const page = await api('GET', '/materials?limit=200&seeded=true');
  const byName = (prefix) => page.items.find((m) => m.name.de.startsWith(prefix)).id;
  return { plaster: byName('Putzmörtel aus Kalk,'), brick: byName('Hochlochziegel-Mauerwerk 1200'), concrete: byName('Stahlbeton (1 %'), eps: byName('Expandiertes Polystyrol (EPS) WLS 035'), pur: byName('Polyurethan-Hartschaum (PUR/PIR) WLS 024') };
}

const COMPONENT_PLAN = [
  ['external_wall_air', 16],
  ['window', 12],
  ['top_floor_ceiling', 4],
  ['basement_ceiling', 4],
  ['external_door', 2],
  ['flat_roof', 2],
];

async function createTarget(api) {
  const m = await catalogue(api);
  const contact = await api('POST', '/contacts', { lastName: 'Benchmark', allowDuplicates: true });
  const project = await api('POST', '/projects', { title: 'Benchmark-Projekt', contactId: contact.id });
  const building = await api('POST', '/buildings', { projectId: project.id, buildingType: 'multi_family', yearOfConstruction: 1962, residentialUnits: 6, ownerOccupiedUnits: 1 });
  const components = {};
  for (const [category, count] of COMPONENT_PLAN) {
    components[category] = [];
    for (let i = 1; i <= count; i++) {
      const layered = !['window', 'external_door'].includes(category);
      const body = layered
        ? { buildingId: building.id, name: `${category} ${i}`, category, areaM2: 20 + i, layers: [{ materialId: m.plaster, thicknessMm: 15 }, { materialId: category === 'external_wall_air' ? m.brick : m.concrete, thicknessMm: 240 + i }] }
        : { buildingId: building.id, name: `${category} ${i}`, category, areaM2: 2 + i, declaredUValue: 2.8 };
      components[category].push((await api('POST', '/components', body)).id);
    }
  }
  const scenario = await api('POST', '/scenarios', {
    buildingId: building.id,
    name: 'iSFP Benchmark',
    kind: 'isfp',
    packages: [1, 2, 3, 4, 5].map((n) => ({ title: `Paket ${n}`, plannedYear: 2026 + n })),
  });
  const pairs = (category) => Array.from({ length: components[category].length / 2 }, (_, i) => components[category].slice(2 * i, 2 * i + 2));
  const envelope = [
    ...pairs('external_wall_air').map((ids) => ({ kind: 'wall_insulation', componentIds: ids, newLayers: [{ materialId: m.eps, thicknessMm: 160 }] })),
    ...pairs('window').map((ids) => ({ kind: 'windows', componentIds: ids, targetUValue: 0.9 })),
    ...pairs('top_floor_ceiling').map((ids) => ({ kind: 'ceiling_insulation', componentIds: ids, newLayers: [{ materialId: m.eps, thicknessMm: 240 }] })),
    ...pairs('basement_ceiling').map((ids) => ({ kind: 'floor_insulation', componentIds: ids, newLayers: [{ materialId: m.pur, thicknessMm: 120 }] })),
    ...pairs('external_door').map((ids) => ({ kind: 'doors', componentIds: ids, targetUValue: 1.2 })),
    ...pairs('flat_roof').map((ids) => ({ kind: 'roof_insulation', componentIds: ids, newLayers: [{ materialId: m.pur, thicknessMm: 200 }] })),
  ];
  const plant = ['heat_pump_air', 'hydraulic_balancing', 'photovoltaics', 'storage', 'ventilation_heat_recovery', 'solar_thermal', 'heat_pump_ground', 'district_heating', 'other', 'other'].map((kind) => ({ kind }));
  const all = [...envelope, ...plant];
  for (let i = 0; i < all.length; i++) {
    await api('POST', '/measures', { scenarioId: scenario.id, packageNumber: (i % 5) + 1, title: `Maßnahme ${i + 1}`, costEstimateNetCents: 1_000_000 + i * 1000, ...all[i] });
  }
  const copy = await api('POST', `/scenarios/${scenario.id}/copy`, { name: 'iSFP Benchmark (präsentiert)' });
  await api('POST', `/scenarios/${copy.id}/present`);
  const full = await api('GET', `/scenarios/${scenario.id}/full`);
  return { projectId: project.id, draftId: scenario.id, presentedId: copy.id, measures: full.detail.measures.length, checks: full.detail.measures.reduce((n, x) => n + x.checks.length, 0) };
}

// ------------------------------------------------------------------------------------------
// Filler projects

async function insertFiller(client, from, to, fixture) {
  await client.query(
    `with p as (
       insert into projects (number, title, status, contact_id, interests, department_id, search_text, created_at, updated_at)
       select 'P-1990-' || lpad(g::text, 6, '0'), 'Füllprojekt ' || g,
              (array['new','surveyed','scenarios_presented','quoted','contracted'])[1 + g % 5]::project_status,
              $3::uuid, '{heat_pump,insulation}', $4::uuid, 'p-1990-' || lpad(g::text, 6, '0') || ' füllprojekt ' || g,
              now() - g * interval '1 minute', now() - g * interval '1 minute'
         from generate_series($1::int, $2::int) g
       returning id),
     b as (
       insert into buildings (project_id, building_type, year_of_construction, residential_units, search_text)
       select id, 'single_family', 1955 + (abs(hashtext(id::text)) % 40), 1, '' from p
       returning id, project_id),
     c as (
       insert into building_components (project_id, building_id, name, category, layers, declared_u_value, u_value, u_value_rounded, u_value_source)
       select b.project_id, b.id, 'Bauteil ' || k,
              (array['external_wall_air','window','top_floor_ceiling','basement_ceiling'])[1 + k % 4]::component_category, '[]', 1.2, 1.2, 1.2, 'declared'
         from b cross join generate_series(1, 12) k
       returning 1),
     s as (
       insert into scenarios (project_id, building_id, name, kind, packages, search_text)
       select project_id, id, 'iSFP', 'isfp', '[{"title":"Paket 1","plannedYear":2027}]', 'isfp' from b
       returning id, project_id, building_id),
     m as (
       insert into measures (project_id, building_id, scenario_id, package_number, position, kind, component_ids, title, trigger)
       select s.project_id, s.building_id, s.id, 1, k, 'heat_pump_air', '{}', 'Maßnahme ' || k, 'any' from s cross join generate_series(1, 6) k
       returning 1)
     select (select count(*) from c) as components, (select count(*) from m) as measures`,
    [from, to, fixture.contactId, fixture.departmentId],
  );
}

async function topUp(loadUrl, target, fixture) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: loadUrl });
  await client.connect();
  try {
    const current = Number((await client.query('select count(*) from projects')).rows[0].count);
    const t0 = performance.now();
    const firstFiller = Number((await client.query(`select count(*) from projects where number like 'P-1990-%'`)).rows[0].count) + 1;
    let next = firstFiller;
    for (let remaining = target - current; remaining > 0; ) {
      const count = Math.min(FILLER_CHUNK, remaining);
      await insertFiller(client, next, next + count - 1, fixture);
      next += count;
      remaining -= count;
      log(`  projects ${(target - remaining).toLocaleString('en')} / ${target.toLocaleString('en')}`);
    }
    const seedMs = performance.now() - t0;
    const t1 = performance.now();
    for (const table of ['projects', 'buildings', 'building_components', 'scenarios', 'measures']) await client.query(`vacuum analyze ${table}`);
    // Write the bulk load's dirty pages now, so no checkpoint competes with the measurement.
    await client.query('checkpoint');
    const counts = (await client.query(`select (select count(*) from projects)::int as projects, (select count(*) from building_components)::int as components, (select count(*) from measures)::int as measures`)).rows[0];
    return { added: Math.max(0, target - current), counts, seedSeconds: round(seedMs / 1000, 1), vacuumSeconds: round((performance.now() - t1) / 1000, 1) };
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------------------------------
// Measurement

/** `rounds` of one GET per site, alternating the order; each site on its own keep-alive connection. */
async function measureSideBySide(sites, urlOf, opts) {
  const get = (site) => request(site.app.port, 'GET', urlOf(site), { headers: { authorization: `Bearer ${site.token}` }, agent: site.agent, timeout: REQUEST_TIMEOUT_MS });
  const firsts = [];
  for (const site of sites) {
    const first = await get(site);
    if (first?.status !== 200) throw new Error(`GET ${urlOf(site)} answered ${first?.status}: ${JSON.stringify(first?.body).slice(0, 300)}`);
    firsts.push(first);
    for (let i = 0; i < opts.warmup; i++) await get(site);
  }
  const times = sites.map(() => []);
  for (let round = 0; round < opts.requests; round++) {
    const order = round % 2 === 0 ? sites.map((_, i) => i) : sites.map((_, i) => sites.length - 1 - i);
    for (const i of order) {
      const t0 = performance.now();
      const res = await get(sites[i]);
      times[i].push(performance.now() - t0);
      if (res?.status !== 200) throw new Error(`GET ${urlOf(sites[i])} answered ${res?.status}`);
    }
  }
  return sites.map((_, i) => {
    const sorted = times[i].sort((a, b) => a - b);
    return {
      url: urlOf(sites[i]),
      responseKb: round(Buffer.byteLength(JSON.stringify(firsts[i].body)) / 1024, 1),
      p50Ms: round(stats.percentile(sorted, 50)),
      p99Ms: round(stats.percentile(sorted, 99)),
      meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    };
  });
}

/** app-user's statements (pg_stat_statements) per request of each site, in its own database. */
async function statementsPerRequest(adminUrl, appUser, sites, urlOf, opts) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_stat_statements');
    await client.query('select pg_stat_statements_reset()');
    for (const site of sites) {
      for (let i = 0; i < opts.statementRequests; i++) {
        const res = await request(site.app.port, 'GET', urlOf(site), { headers: { authorization: `Bearer ${site.token}` }, agent: site.agent, timeout: REQUEST_TIMEOUT_MS });
        if (res?.status !== 200) throw new Error(`GET ${urlOf(site)} answered ${res?.status}`);
      }
    }
    const { rows } = await client.query(
      `select d.datname, s.query, s.calls::int, s.total_exec_time
         from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where s.userid = (select oid from pg_roles where rolname = $1)
        order by s.calls desc, s.query`,
      [appUser],
    );
    return sites.map((site) => {
      const own = rows.filter((r) => r.datname === site.dbName);
      return {
        perRequest: round(own.reduce((n, r) => n + r.calls, 0) / opts.statementRequests, 2),
        // The database's own time per request (execution of the statements, without network and the app).
        execMsPerRequest: round(own.reduce((ms, r) => ms + r.total_exec_time, 0) / opts.statementRequests, 3),
        statements: own.map((r) => ({ calls: r.calls, meanExecMs: round(r.total_exec_time / r.calls, 3), query: r.query.replace(/\s+/g, ' ').slice(0, 400) })),
      };
    });
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------------------------------

async function settingsOf(loadUrl) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: loadUrl });
  await client.connect();
  try {
    const fixture = {
      contactId: (await client.query(`select id from contacts order by created_at limit 1`)).rows[0].id,
      departmentId: (await client.query(`select id from departments where name->>'en' = 'Energy consulting'`)).rows[0].id,
    };
    const settings = Object.fromEntries(
      (await client.query(`select name, setting from pg_settings where name in ('server_version', 'shared_buffers', 'work_mem', 'random_page_cost', 'effective_cache_size')`)).rows.map((r) => [r.name, r.setting]),
    );
    return { fixture, settings };
  } finally {
    await client.end();
  }
}

async function main() {
  const opts = options();
  if (process.env.DATABASE_URL || process.env.DATABASE_URL_MIGRATION) throw new Error('bench/projects compares one database per size on its own embedded PostgreSQL: unset DATABASE_URL and DATABASE_URL_MIGRATION');
  const startedAt = new Date();
  const machine = machineInfo();
  log(`node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}`);
  const stack = await startStack(opts, { shared_buffers: '256MB', maintenance_work_mem: '256MB', max_wal_size: '4GB', shared_preload_libraries: 'pg_stat_statements' });

  const sites = [];
  let settings;
  for (const [index, size] of opts.sizes.entries()) {
    const site = index === 0 ? { app: stack.app, token: stack.token, loadUrl: stack.loadUrl, dbName: stack.dbName } : await stack.addDatabase(`renewa_${size}`);
    site.size = size;
    site.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    log(`${site.dbName}: creating the measured project through the API (40 components, 5 packages × 6 measures)`);
    site.target = await createTarget(apiClient(site.app.port, site.token));
    const { fixture, settings: s } = await settingsOf(site.loadUrl);
    settings ??= s;
    log(`${site.dbName}: filling up to ${size.toLocaleString('en')} projects with generate_series`);
    site.seed = await topUp(site.loadUrl, size, fixture);
    log(`  +${site.seed.added.toLocaleString('en')} projects in ${site.seed.seedSeconds} s (${site.seed.counts.components.toLocaleString('en')} components, ${site.seed.counts.measures.toLocaleString('en')} measures), vacuum analyze ${site.seed.vacuumSeconds} s`);
    sites.push(site);
  }

  const queries = { draft: (site) => `/api/v1/scenarios/${site.target.draftId}/full`, presented: (site) => `/api/v1/scenarios/${site.target.presentedId}/full` };
  const measured = sites.map(() => ({}));
  for (const [name, urlOf] of Object.entries(queries)) {
    log(`measuring ${name} side by side (${opts.requests} rounds)`);
    const latencies = await measureSideBySide(sites, urlOf, opts);
    const statements = await statementsPerRequest(stack.db.adminUrl, stack.db.appUser, sites, urlOf, opts);
    sites.forEach((site, i) => {
      measured[i][name] = { ...latencies[i], statementsPerRequest: statements[i].perRequest, dbExecMsPerRequest: statements[i].execMsPerRequest, statements: statements[i].statements };
      log(`  ${String(site.size).padStart(7)} p50 ${latencies[i].p50Ms} ms, p99 ${latencies[i].p99Ms} ms, ${latencies[i].responseKb} kB, ${statements[i].perRequest} statements (${statements[i].execMsPerRequest} ms in the database)`);
    });
  }
  const results = sites.map((site, i) => ({ size: site.size, database: site.dbName, target: site.target, seed: site.seed, queries: measured[i] }));

  const smallest = results[0];
  const largest = results[results.length - 1];
  const ratios = Object.fromEntries(
    Object.keys(queries).map((name) => [name, { p50: round(largest.queries[name].p50Ms / smallest.queries[name].p50Ms), p99: round(largest.queries[name].p99Ms / smallest.queries[name].p99Ms) }]),
  );
  const header = ['query', ...results.flatMap((r) => [`p50 @${r.size}`, `p99 @${r.size}`, `stmts @${r.size}`, `db ms @${r.size}`]), 'p50 ratio', 'p99 ratio'];
  const rows = Object.keys(queries).map((name) => [
    name,
    ...results.flatMap((r) => [r.queries[name].p50Ms, r.queries[name].p99Ms, r.queries[name].statementsPerRequest, r.queries[name].dbExecMsPerRequest]),
    ratios[name].p50,
    ratios[name].p99,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(
    `\nGET of a full scenario (${smallest.target.measures} measures, ${smallest.target.checks} checks) over HTTP through PgBouncer, ` +
      `sizes side by side, ${opts.requests} rounds (+${opts.warmup} warm-up each), ms\n`,
  );
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
  console.log(ratios.draft.p99 <= 1.5 ? '\ndraft: p99 ratio largest/smallest ≤ 1.5' : `\nRATIO ABOVE 1.5 (draft p99: ${ratios.draft.p99})`);
  console.log(`\n-- statements of the draft GET @${largest.size} (calls over ${opts.statementRequests} requests, mean execution time)`);
  console.log(largest.queries.draft.statements.map((st) => `   ${st.calls}× ${st.meanExecMs} ms  ${st.query.slice(0, 160)}`).join('\n'));

  writeReport(opts.outDir, 'projects', startedAt, {
    bench: 'projects',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    git: gitInfo(),
    machine: { ...machine, loadAverage1m: round(os.loadavg()[0]) },
    options: { sizes: opts.sizes, requests: opts.requests, warmup: opts.warmup, statementRequests: opts.statementRequests },
    database: { source: stack.db.source, settings },
    pgbouncer: stack.bouncer.version,
    results,
    ratios,
  });
}

runBench(main);
