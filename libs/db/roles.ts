import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { rolesSqlPath } from './project-paths';

export const APP_USER = 'app-user';
export const MIGRATION_USER = 'migration-user';

/**
 * Runs atlas/roles.sql against one database as a superuser (or CREATEROLE) connection, and sets
 * the login passwords when given (deployments pass them from their secrets).
 */
export async function bootstrapRoles(
  adminUrl: string,
  passwords: { appUser?: string | null; migrationUser?: string | null } = {},
): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(readFileSync(rolesSqlPath(), 'utf8'));
    for (const [role, password] of [
      [APP_USER, passwords.appUser],
      [MIGRATION_USER, passwords.migrationUser],
    ] as const) {
      if (!password) continue;
      const quoted = (await client.query<{ q: string }>('select quote_literal($1) as q', [password])).rows[0].q;
      await client.query(`ALTER ROLE "${role}" PASSWORD ${quoted}`);
    }
  } finally {
    await client.end();
  }
}

/** A copy of `url` logging in as `user` (with `password`, if any), on database `database` if given. */
export function withCredentials(url: string, user: string, password: string | null, database?: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = password ? encodeURIComponent(password) : '';
  if (database) next.pathname = `/${database}`;
  return next.toString();
}
