import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface SystemUser {
  uid: number;
  gid: number;
}

function lookup(name: string): SystemUser | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * PostgreSQL and PgBouncer refuse to run as root. As root, return the `postgres` system user to run
 * them as (creating it when `create` is set); as anyone else, undefined: run as yourself.
 */
export function postgresSystemUser({ create = false } = {}): SystemUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookup('postgres');
  if (existing) return existing;
  if (!create) throw new Error('running as root, but there is no `postgres` system user to run PostgreSQL tools as');
  execFileSync('groupadd', ['--system', 'postgres']);
  execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
  return lookup('postgres') as SystemUser;
}
