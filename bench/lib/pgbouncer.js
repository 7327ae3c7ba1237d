'use strict';
/**
 * PgBouncer in transaction pooling mode in front of a PostgreSQL server, as deployed, for every
 * bench. The CommonJS twin of libs/testing/pgbouncer.ts (which `npm run build` does not compile
 * into dist/).
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { freePort, isListening } = require('./net');
const { sleep } = require('./processes');

function findPgBouncer() {
  const candidates = [...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'pgbouncer')), '/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'];
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

/** The `postgres` system user when running as root (PgBouncer refuses to run as root). */
function systemUser() {
  if (process.getuid?.() !== 0) return null;
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root needs a `postgres` system user for PgBouncer');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts PgBouncer with its config in `dir` (the caller's temp dir) for one login `user`/`password`
 * towards `host`:`port`, default pool 20. `onSpawn(child)` is called right after the spawn (the
 * child runs in its own process group), so the caller can register it for cleanup.
 * Resolves { child, port, version } once it accepts connections (or after 200 × 25 ms).
 */
async function startPgBouncer({ dir, host, port: serverPort, user, password, onSpawn = () => undefined }) {
  const binary = findPgBouncer();
  if (!binary) throw new Error('pgbouncer is not installed (apt-get install pgbouncer): the bench measures the deployed topology');
  const port = await freePort();
  const authFile = path.join(dir, 'users.txt');
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(authFile, `"${user}" "${password}"\n`);
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${host} port=${serverPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 20',
      'server_reset_query =',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  const owner = systemUser();
  if (owner) for (const f of [dir, authFile, ini]) fs.chownSync(f, owner.uid, owner.gid);
  const child = spawn(binary, [ini], { ...(owner ?? {}), stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  onSpawn(child);
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}`);
    if (await isListening(port)) break;
    await sleep(25);
  }
  const version = execFileSync(binary, ['--version']).toString().split('\n')[0];
  return { child, port, version };
}

module.exports = { findPgBouncer, startPgBouncer };
