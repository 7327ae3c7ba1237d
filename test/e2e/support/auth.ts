import { Pool } from 'pg';
import { createDatabase } from '@libs/db';
import type { TestDatabase } from '@libs/testing';
import { hashPassword } from '../../../src/modules/auth';
import { SEEDS } from '../../../src/db/seeds';
import { runSeeds } from '../../../src/db/seeds/seed-runner';
import { seedUuid } from '../../../src/db/seeds/seed-utils';

export const ADMIN_EMAIL = 'admin@renewa.de';
export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

const quiet = { info: () => undefined, warn: () => undefined };

/** Runs the registered seeds (departments, standard roles, admin) on the test database. */
export async function seedReferenceData(db: TestDatabase): Promise<void> {
  const pool = new Pool({ connectionString: db.appUrl, max: 2 });
  try {
    await runSeeds(createDatabase(pool), SEEDS, { env: { nodeEnv: 'test', adminPassword: ADMIN_PASSWORD }, log: quiet });
  } finally {
    await pool.end();
  }
}

export const departmentId = (key: string) => seedUuid('departments', key);
export const roleId = (key: string) => seedUuid('roles', key);

export interface UserFixture {
  id: string;
  email: string;
  password: string;
}

/** A user inserted behind the API's back (fixture), with standard roles by key. */
export async function insertUser(
  pool: Pool,
  options: { email: string; department?: string | null; roles?: string[]; active?: boolean; createdBy?: string },
): Promise<UserFixture> {
  const password = `pw-${options.email}-123456`;
  const { rows } = await pool.query<{ id: string }>(
    `insert into users (email, name, password_hash, department_id, is_active, created_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      options.email,
      options.email.split('@')[0],
      await hashPassword(password),
      options.department ? departmentId(options.department) : null,
      options.active ?? true,
      options.createdBy ?? null,
    ],
  );
  for (const role of options.roles ?? []) {
    await pool.query('insert into user_roles (user_id, role_id) values ($1, $2)', [rows[0].id, roleId(role)]);
  }
  return { id: rows[0].id, email: options.email, password };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** A small JSON client for one test app. */
export function httpClient(baseUrl: string) {
  const call = async (method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as Record<string, any>) : undefined;
    return { status: response.status, headers: response.headers, body: body as Record<string, any> };
  };

  const login = async (email: string, password: string, ip = '203.0.113.1') => {
    const response = await call('POST', '/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });
    if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Tokens & { expiresIn: number; tokenType: string };
  };

  return {
    call,
    login,
    get: (path: string, token?: string, headers?: Record<string, string>) => call('GET', path, { token, headers }),
    post: (path: string, body: unknown, token?: string, headers?: Record<string, string>) => call('POST', path, { token, body, headers }),
    patch: (path: string, body: unknown, token?: string, headers?: Record<string, string>) => call('PATCH', path, { token, body, headers }),
    put: (path: string, body: unknown, token?: string) => call('PUT', path, { token, body }),
    delete: (path: string, token?: string, headers?: Record<string, string>) => call('DELETE', path, { token, headers }),
  };
}

/** A problem body without the per-request members, to compare two problems. */
export function problemShape(body: Record<string, unknown>): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = body;
  return rest;
}
