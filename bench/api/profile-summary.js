#!/usr/bin/env node
'use strict';
/*
 * Where the CPU went, from a V8 CPU profile of the app (`node bench/api/run.js --cpu-prof DIR`
 * writes one; it runs the unbundled dist/src/main.js so that every frame names its package).
 *
 *   node bench/api/profile-summary.js <file.cpuprofile> [--top 25] [--from-ms 0] [--to-ms ∞] [--category NAME] [--json]
 *
 * --from-ms skips the first milliseconds of the profile (the boot), --to-ms the rest (the boot alone); --category lists the top
 * functions of one category only (the name's beginning is enough: `--category drizzle`).
 *
 * Each sample is charged to one category, found by walking its stack from the leaf to the root:
 * the first frame inside a known package or project folder, or in node's socket and HTTP code,
 * decides (a builtin such as JSON.stringify or a node internal such as a crypto job is charged to
 * the code that called it). Fastify frames under a serializer count as serialisation. Idle samples are left out of the percentages; boot is in the profile too, so
 * skip it with --from-ms or run the load long enough.
 */
const fs = require('node:fs');
const { parseArgs } = require('node:util');

const PACKAGE_CATEGORIES = [
  [/^(class-validator|class-transformer|validator|libphonenumber-js)$/, 'validation (class-validator/transformer)'],
  [/^(pino|pino-std-serializers|sonic-boom|thread-stream|fast-redact|@pinojs\/redact)$/, 'logging (pino)'],
  [/^(nestjs-cls|@nestjs-cls\/.*)$/, 'CLS / async context'],
  [/^drizzle-orm$/, 'drizzle-orm'],
  [/^(pg|pg-protocol|pg-pool|pg-types|postgres-array|postgres-date|postgres-interval|postgres-bytea|pg-connection-string)$/, 'pg driver'],
  [/^jose$/, 'guard (jose JWT)'],
  [/^(fast-json-stringify|fast-uri|json-schema-ref-resolver)$/, 'serialisation'],
  [/^(fastify|find-my-way|avvio|light-my-request|@fastify\/.*|fast-querystring|process-warning|toad-cache|abstract-logging|content-type|secure-json-parse|safe-regex2|ret)$/, 'fastify'],
  [/^@nestjs\//, 'nest core'],
  [/^(rxjs|tslib)$/, 'rxjs'],
  [/^(reflect-metadata|path-to-regexp|uid|iterare)$/, 'nest core'],
];

const PROJECT_CATEGORIES = [
  [/\/src\/modules\/auth\/(access|sessions)\//, 'guard (principal, grants)'],
  [/\/libs\/auth\//, 'guard (principal, grants)'],
  [/\/libs\/context\//, 'CLS / async context'],
  [/\/libs\/http\/(validation|uuid-param)/, 'validation (class-validator/transformer)'],
  [/\/libs\/http\/(logger)/, 'logging (pino)'],
  [/\/libs\/http\//, 'http kit (filters, hooks, etag)'],
  [/\/libs\/idempotency\//, 'idempotency'],
  [/\/libs\/(db|resource|pagination|search)\//, 'kit: repositories, steps, pagination'],
  [/\/libs\/events\//, 'events / outbox'],
  [/\/src\//, 'app code (controllers, services, mappers)'],
];

const NODE_INTERNALS = 'node internals (timers, events, buffers, …)';
const NODE_CATEGORIES = [
  [/^node:(net|_http_|http|stream|internal\/streams|internal\/stream_base_commons|internal\/http)/, 'node http / socket I/O'],
  [/^node:(async_hooks|internal\/async_hooks|internal\/async_local_storage)/, 'CLS / async context'],
  [/^node:/, NODE_INTERNALS],
];

function categoryOfFrame(frame) {
  const url = frame.callFrame.url ?? '';
  if (!url) return undefined;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) {
    for (const [re, category] of PACKAGE_CATEGORIES) if (re.test(pkg)) return category;
    return `other package (${pkg})`;
  }
  if (url.startsWith('node:')) {
    for (const [re, category] of NODE_CATEGORIES) if (re.test(url)) return category;
  }
  for (const [re, category] of PROJECT_CATEGORIES) if (re.test(url)) return category;
  return 'other';
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, json: { type: 'boolean', default: false }, 'from-ms': { type: 'string', default: '0' }, 'to-ms': { type: 'string', default: 'Infinity' }, category: { type: 'string' } } });
  if (positionals.length !== 1) throw new Error('usage: profile-summary.js <file.cpuprofile> [--top 25] [--from-ms 0] [--to-ms ∞] [--category NAME] [--json]');
  const fromUs = Number(values['from-ms']) * 1000;
  const toUs = Number(values['to-ms']) * 1000;
  const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

  const categoryCache = new Map();
  const categoryOf = (id) => {
    if (categoryCache.has(id)) return categoryCache.get(id);
    const node = nodes.get(id);
    const name = node.callFrame.functionName;
    let category;
    if (name === '(garbage collector)') category = 'GC';
    else if (name === '(idle)') category = 'idle';
    else if (name === '(program)') category = 'program (V8, native)';
    else {
      // Builtins (JSON.stringify, RegExp …) and node internals other than sockets and HTTP
      // (crypto jobs, events, timers) are charged to the code that called them.
      let serializer = false;
      let fallback;
      for (let cur = id; cur !== undefined && category === undefined; cur = parent.get(cur)) {
        const frame = nodes.get(cur);
        if (/serializ|stringify/i.test(frame.callFrame.functionName)) serializer = true;
        const c = categoryOfFrame(frame);
        if (c === undefined || c === NODE_INTERNALS) fallback ??= c;
        else category = c;
      }
      if (category === 'fastify' && serializer) category = 'serialisation';
      category ??= fallback ?? 'V8 builtins (microtasks, …)';
    }
    categoryCache.set(id, category);
    return category;
  };

  const deltas = profile.timeDeltas;
  const byCategory = new Map();
  const bySelf = new Map();
  let total = 0;
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    elapsed += deltas[i] ?? 0;
    if (elapsed < fromUs || elapsed > toUs) continue;
    const category = categoryOf(id);
    if (category === 'idle') continue;
    total += us;
    byCategory.set(category, (byCategory.get(category) ?? 0) + us);
    if (values.category && !category.startsWith(values.category)) continue;
    const f = nodes.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${(f.url || '').replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${f.lineNumber + 1}`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + us);
  }
  const pct = (us) => Math.round((1000 * us) / total) / 10;
  const categories = [...byCategory].sort((a, b) => b[1] - a[1]).map(([category, us]) => ({ category, ms: Math.round(us / 1000), percent: pct(us) }));
  const functions = [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)).map(([fn, us]) => ({ function: fn, ms: Math.round(us / 1000), percent: pct(us) }));
  if (values.json) {
    console.log(JSON.stringify({ busyMs: Math.round(total / 1000), categories, functions }, null, 2));
    return;
  }
  console.log(`busy CPU in the profile: ${Math.round(total / 1000)} ms (idle excluded)\n`);
  for (const c of categories) console.log(`${String(c.percent).padStart(5)} %  ${String(c.ms).padStart(7)} ms  ${c.category}`);
  console.log(`\ntop ${functions.length} functions by self time:`);
  for (const f of functions) console.log(`${String(f.percent).padStart(5)} %  ${String(f.ms).padStart(7)} ms  ${f.function}`);
}

module.exports = { categoryOfFrame, NODE_INTERNALS };

if (require.main === module) main();
