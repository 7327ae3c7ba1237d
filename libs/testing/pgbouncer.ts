import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresSystemUser } from '@libs/db';
import { freePort } from './free-port';

export interface PgBouncerProcess {
  port: number;
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  serverHost: string;
  serverPort: number;
  /** Login users and the passwords PgBouncer uses towards PostgreSQL (null: trust). */
  users: Record<string, string | null>;
  poolSize?: number;
}

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

export function findPgBouncer(): string | null {
  const fromPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'pgbouncer'));
  return [...fromPath, ...CANDIDATES].find((candidate) => existsSync(candidate)) ?? null;
}

/** Starts PgBouncer in transaction pooling mode in front of a PostgreSQL server, for tests and benches. */
export async function startPgBouncer(binary: string, options: PgBouncerOptions): Promise<PgBouncerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'renewa-pgbouncer-'));
  const port = await freePort();
  const authFile = join(dir, 'users.txt');
  const configFile = join(dir, 'pgbouncer.ini');
  writeFileSync(
    authFile,
    Object.entries(options.users)
      .map(([user, password]) => `"${user}" "${password ?? ''}"\n`)
      .join(''),
  );
  writeFileSync(
    configFile,
    [
      '[databases]',
      `* = host=${options.serverHost} port=${options.serverPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      `default_pool_size = ${options.poolSize ?? 20}`,
      'server_reset_query =',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  const owner = postgresSystemUser();
  if (owner) for (const file of [dir, authFile, configFile]) chownSync(file, owner.uid, owner.gid);
  const child = spawn(binary, [configFile], { ...owner, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(port, child, () => stderr || tail(join(dir, 'pgbouncer.log')));
  return {
    port,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-5).join('\n') : '';
}

async function waitForPort(port: number, child: ChildProcess, diagnostics: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}: ${diagnostics()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`pgbouncer did not listen on ${port}: ${diagnostics()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

export function pgBouncerVersion(binary: string): string {
  return execFileSync(binary, ['--version']).toString().split('\n')[0];
}
