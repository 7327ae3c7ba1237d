'use strict';
/** What every bench reports: the machine, the git commit, a text table and the JSON file. */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./paths');
const { round } = require('./stats');

function machineInfo() {
  const cpus = os.cpus();
  return { node: process.version, platform: `${os.platform()} ${os.release()} ${os.arch()}`, cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, memGb: round(os.totalmem() / 2 ** 30) };
}

/** The checked-out commit and whether the working tree has changes; null outside git. */
function gitInfo() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '' };
  } catch {
    return null;
  }
}

/**
 * A plain-text table of string cells: a header, a dashed rule, the rows. The first `leftColumns`
 * columns are left-aligned, the rest right-aligned.
 */
function formatTable(header, body, { leftColumns = 0 } = {}) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Writes `<outDir>/<bench>-<startedAt>.json` and prints its path. */
function writeReport(outDir, bench, startedAt, report) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${bench}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nJSON: ${path.relative(process.cwd(), file) || file}`);
  return file;
}

module.exports = { machineInfo, gitInfo, formatTable, writeReport };
