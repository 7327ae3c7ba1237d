#!/usr/bin/env node
'use strict';
/*
 * `npm start`'s prestart: builds dist/ only when it is missing or older than its inputs.
 *
 *   node scripts/build-if-stale.js           build when stale, else say so and exit
 *   node scripts/build-if-stale.js --check   exit 1 when a build is needed, 0 when dist/ is current
 *
 * The inputs are what `npm run build` reads: the non-test TypeScript of src/ and libs/ and the
 * build settings (the same list as the Makefile's BUILD_INPUTS). Their fingerprint — how many
 * there are and the newest modification time — is taken before building and written to
 * dist/.build-inputs.json after a successful build, so a file edited while the build ran, added
 * or deleted makes the next start build again. A build by `npm run build` alone writes no
 * fingerprint: the next `npm start` builds once more (to be sure), then stops rebuilding.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-inputs.json');
const OUTPUTS = ['server.js', 'app.bundle.js', path.join('src', 'cli.js'), path.join('src', 'main.js')].map((file) => path.join(DIST, file));
const SETTINGS = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'esbuild.config.js'];
const TEST_FILE = /\.(spec|db-spec|e2e-spec)\.ts$/;

function sourceFiles(dir, found = []) {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(file, found);
    else if (entry.name.endsWith('.ts') && !TEST_FILE.test(entry.name)) found.push(file);
  }
  return found;
}

/** How many inputs there are and the newest modification time among them. */
function fingerprint() {
  const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'libs')), ...SETTINGS.map((file) => path.join(ROOT, file))];
  let newestMs = 0;
  for (const file of files) newestMs = Math.max(newestMs, fs.statSync(file).mtimeMs);
  return { files: files.length, newestMs };
}

function staleReason(current) {
  const missing = OUTPUTS.find((file) => !fs.existsSync(file));
  if (missing) return `${path.relative(ROOT, missing)} is missing`;
  let built;
  try {
    built = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return 'no fingerprint of the last build';
  }
  if (built.files !== current.files) return `${current.files - built.files > 0 ? 'added' : 'deleted'} source files`;
  if (built.newestMs !== current.newestMs) return 'sources changed since the last build';
  return undefined;
}

function main() {
  const t0 = Date.now();
  const current = fingerprint();
  const reason = staleReason(current);
  if (process.argv.includes('--check')) {
    process.stdout.write(reason ? `build needed: ${reason}\n` : 'dist/ is current\n');
    process.exit(reason ? 1 : 0);
  }
  if (!reason) {
    process.stdout.write(`[start] dist/ is current (${current.files} inputs unchanged, checked in ${Date.now() - t0} ms): not rebuilding\n`);
    return;
  }
  process.stdout.write(`[start] building dist/ (${reason}): nest build, then esbuild — this takes a while the first time\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(STAMP, `${JSON.stringify(current)}\n`);
  process.stdout.write(`[start] built in ${Math.round((Date.now() - t0) / 1000)} s; starting the server\n`);
}

main();
