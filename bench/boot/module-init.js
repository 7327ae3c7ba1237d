#!/usr/bin/env node
'use strict';
/*
 * Where a boot of the bundled server (dist/server.js) spends its CPU, by package, from a V8 CPU
 * profile (`node bench/boot/run.js --cpu-prof DIR --runs 1 --warmup 0 --scenario existing`).
 *
 *   node bench/boot/module-init.js <file.cpuprofile> [--to-ms 60000] [--top 30]
 *
 * esbuild wraps every bundled module in a function named after its path
 * (`node_modules/pdfmake/js/index.js`, `dist/src/modules/crm/leads/lead.dto.js`): a sample whose
 * stack passes through such a frame is charged to the innermost one's package — the cost of
 * loading it (its top-level code and what that calls). Everything else is charged by function
 * name: Nest's initialisation (DI, route registration, lifecycle hooks), GC, compilation
 * ("(program)"), waiting on the database ("(idle)", left out).
 */
const fs = require('node:fs');
const { parseArgs } = require('node:util');

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'to-ms': { type: 'string', default: 'Infinity' }, top: { type: 'string', default: '30' } } });
if (positionals.length !== 1) throw new Error('usage: module-init.js <file.cpuprofile> [--to-ms ∞] [--top 30]');
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

/** The package (or project folder) of an esbuild module-init function's name (a relative path). */
function moduleOf(name) {
  if (!/\.(c|m)?js"?$/.test(name) || !name.includes('/')) return undefined;
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(name)?.[1];
  if (pkg) return pkg;
  return /(?:^|\/)dist\/(libs\/[^/]+|src\/modules\/[^/]+|src)\//.exec(name)?.[1];
}
const cache = new Map();
function chargeOf(id) {
  if (cache.has(id)) return cache.get(id);
  const leaf = nodes.get(id).callFrame.functionName;
  let charge;
  if (leaf === '(garbage collector)') charge = 'GC';
  else if (leaf === '(idle)') charge = 'idle';
  else if (leaf === '(program)') charge = '(program): compiling, native';
  else {
    for (let cur = id; cur !== undefined && !charge; cur = parent.get(cur)) {
      const module = moduleOf(nodes.get(cur).callFrame.functionName);
      if (module) charge = `load ${module}`;
    }
    charge ??= `run ${leaf || '(anonymous)'}`;
  }
  cache.set(id, charge);
  return charge;
}

const totals = new Map();
let total = 0;
let elapsed = 0;
const toUs = Number(values['to-ms']) * 1000;
for (let i = 0; i < profile.samples.length; i++) {
  elapsed += profile.timeDeltas[i] ?? 0;
  if (elapsed > toUs) break;
  const us = profile.timeDeltas[i + 1] ?? 0;
  const charge = chargeOf(profile.samples[i]);
  if (charge === 'idle') continue;
  total += us;
  totals.set(charge, (totals.get(charge) ?? 0) + us);
}
const loads = [...totals].filter(([k]) => k.startsWith('load ')).reduce((sum, [, us]) => sum + us, 0);
console.log(`busy: ${Math.round(total / 1000)} ms, of which loading modules ${Math.round(loads / 1000)} ms\n`);
for (const [charge, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  console.log(`${String(Math.round((1000 * us) / total) / 10).padStart(5)} %  ${String(Math.round(us / 1000)).padStart(6)} ms  ${charge}`);
}
