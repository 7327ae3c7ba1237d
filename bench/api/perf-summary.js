#!/usr/bin/env node
'use strict';
/*
 * Where the CPU went, from a Linux `perf record` of the app (`node bench/api/run.js --perf DIR`
 * writes one per scenario: DIR/<scenario>.perf.data, recorded during the measured window).
 *
 *   node bench/api/perf-summary.js <file.perf.data> [--top 25] [--json]
 *
 * Unlike the V8 profile (--cpu-prof), which samples the JS thread's wall time — on a busy machine a
 * thread waiting for a core is charged to whatever it last ran, typically `writev` — perf's
 * `cpu-clock` event samples only while the process is on a CPU, in every thread and in the kernel.
 * The app runs with --perf-basic-prof-only-functions and --interpreted-frames-native-stack, so JS
 * frames name their script and the same categories as profile-summary.js apply: each main-thread
 * sample is charged to the first categorised JS frame from the leaf (its native and kernel frames —
 * JSON.stringify, a syscall — to the code that called them), GC and compilation by V8's own
 * symbols, other threads (GC helpers, the optimising compiler, libuv's pool) separately. "in the
 * kernel" is the share of each category's samples whose leaf is a kernel function (syscalls).
 */
const { execFileSync } = require('node:child_process');
const { parseArgs } = require('node:util');
const { categoryOfFrame, NODE_INTERNALS } = require('./profile-summary');

const GC = /v8::internal::(Heap|Scavenger|ScavengerCollector|MarkCompactCollector|MinorMarkCompact|MinorMarkSweep|ConcurrentMarking|Sweeper|MarkingVisitor|MainMarkingVisitor|IncrementalMarking|GCTracer|MemoryAllocator|PagedSpace|SemiSpace|LargeObjectSpace|EvacuateVisitor|Evacuator|RecordMigratedSlot|PointersUpdating|ArrayBufferSweeper)|Scavenge|MarkCompact|[Ee]vacuat/;
const COMPILE = /v8::internal::(compiler::|maglev::|interpreter::|Compiler::|Parser|PreParser|baseline::|Scanner|AstValueFactory|OptimizingCompileDispatcher|wasm::)/;

/** One frame of `perf script` output: address, symbol (+offset) and (dso). */
function parseFrame(line) {
  const m = /^\s*[0-9a-f]+\s+(.*?)\s+\(([^)]*)\)\s*$/.exec(line);
  if (!m) return undefined;
  const symbol = m[1].replace(/\+0x[0-9a-f]+$/, '');
  const dso = m[2];
  const js = /^(?:JS|LazyCompile|Function|Script):[*~^+]?(\S*)\s+(\S+?)(?::\d+(?::\d+)?)?$/.exec(symbol);
  return { symbol, dso, kernel: dso.includes('kernel'), js: js && dso.includes('perf-') ? { functionName: js[1], url: normaliseUrl(js[2]) } : undefined };
}

/** perf map urls are paths or file:// urls; profile-summary's categories expect node:… for builtins. */
function normaliseUrl(url) {
  if (url.startsWith('file://')) return url.slice('file://'.length);
  if (/^(internal|_http|net|stream|events|buffer|timers|async_hooks)/.test(url)) return `node:${url}`;
  return url;
}

function categoryOfSample(frames, mainThread) {
  const leaf = frames[0];
  if (!mainThread) {
    if (frames.some((f) => GC.test(f.symbol))) return 'GC (helper threads)';
    if (frames.some((f) => COMPILE.test(f.symbol))) return 'JIT compilation (background)';
    return 'other threads (libuv pool, …)';
  }
  let fallback;
  for (const frame of frames) {
    if (!frame.js) {
      // V8's own work before any JS frame from the leaf: GC or compiling.
      if (GC.test(frame.symbol)) return 'GC';
      if (COMPILE.test(frame.symbol)) return 'compilation (main thread)';
      continue;
    }
    const category = categoryOfFrame({ callFrame: { url: frame.js.url, functionName: frame.js.functionName } });
    if (category === undefined || category === NODE_INTERNALS) {
      fallback ??= category;
      continue;
    }
    if (category === 'fastify' && frames.some((f) => f.js && /serializ|stringify/i.test(f.js.functionName))) return 'serialisation';
    return category;
  }
  if (fallback) return fallback;
  if (leaf?.kernel) return 'kernel (no JS caller: event loop, epoll, …)';
  return 'native (node / libuv / V8, no JS caller)';
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new Error('usage: perf-summary.js <file.perf.data> [--top 25] [--json]');
  const text = execFileSync('perf', ['script', '-i', positionals[0], '-F', 'pid,tid,period,ip,sym,dso'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const byCategory = new Map();
  const kernelByCategory = new Map();
  const bySelf = new Map();
  let total = 0;
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    const head = /^\s*(\d+)\/(\d+)\s+(\d+)/.exec(lines[0]);
    if (!head) continue;
    const [, pid, tid, period] = head;
    const weight = Number(period) || 1;
    const frames = lines.slice(1).map(parseFrame).filter(Boolean);
    const category = categoryOfSample(frames, pid === tid);
    total += weight;
    byCategory.set(category, (byCategory.get(category) ?? 0) + weight);
    if (frames[0]?.kernel) kernelByCategory.set(category, (kernelByCategory.get(category) ?? 0) + weight);
    const leafJs = frames.find((f) => f.js);
    const key = frames[0]?.js
      ? `${frames[0].js.functionName || '(anonymous)'} ${frames[0].js.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}`
      : `${frames[0]?.symbol ?? '?'}${leafJs ? ` ← ${leafJs.js.functionName || '(anonymous)'} ${leafJs.js.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}` : ''}`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + weight);
  }
  const pct = (w) => Math.round((1000 * w) / total) / 10;
  const ms = (w) => Math.round(w / 1e6);
  const categories = [...byCategory].sort((a, b) => b[1] - a[1]).map(([category, w]) => ({ category, ms: ms(w), percent: pct(w), kernelPercent: pct(kernelByCategory.get(category) ?? 0) }));
  const functions = [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)).map(([fn, w]) => ({ function: fn, ms: ms(w), percent: pct(w) }));
  if (values.json) {
    console.log(JSON.stringify({ cpuMs: ms(total), categories, functions }, null, 2));
    return;
  }
  console.log(`CPU time sampled: ${ms(total)} ms (every thread; cpu-clock samples only while on a CPU)\n`);
  console.log('    %  of which in the kernel   ms  category');
  for (const c of categories) console.log(`${String(c.percent).padStart(5)}  ${String(c.kernelPercent).padStart(22)}  ${String(c.ms).padStart(5)}  ${c.category}`);
  console.log(`\ntop ${functions.length} leaf functions (native leaves ← their nearest JS caller):`);
  for (const f of functions) console.log(`${String(f.percent).padStart(5)} %  ${String(f.ms).padStart(6)} ms  ${f.function}`);
}

if (require.main === module) main();
