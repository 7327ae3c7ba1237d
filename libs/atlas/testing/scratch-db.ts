// Test support for the *.db-spec.ts files of this lib (no effect on the library itself).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export function adminUrl(): string {
  return process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function urlForDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function randomDbName(prefix = 'atlas_t'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withClient(adminUrl(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Creates an empty database with a unique name; remember to drop it in afterAll. */
export async function createScratchDb(): Promise<{ name: string; url: string }> {
  const name = randomDbName();
  await withClient(adminUrl(), (c) => c.query(`CREATE DATABASE "${name}"`));
  return { name, url: urlForDatabase(adminUrl(), name) };
}

export async function query<T extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query<T>(sql, params)).rows);
}
