import type { INestApplicationContext, Type } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { Pool } from 'pg';
import type { Scope } from '@libs/auth';
import { createDatabase } from '@libs/db';
import { SEEDS } from '../../src/db/seeds';
import { runSeeds } from '../../src/db/seeds/seed-runner';
import { seedUuid } from '../../src/db/seeds/seed-utils';
import { asActor, grantAll } from './actor';
import { startTestApp, TestApp } from './app';
import { createTestDatabase, TestDatabase } from './database';

/** The password of every user `startModuleTestContext` creates (for tests that also sign in over HTTP). */
export const MODULE_TEST_PASSWORD = 'module-test-password-1';
/** The password the seeds give `admin@renewa.de` in a module test database. */
export const MODULE_TEST_ADMIN_PASSWORD = 'admin-password-for-tests';

export interface ModuleTestUserSpec {
  /** A seeded department key (`sales`, `energy_consulting`, `accounting`, `back_office`, `management`), or null. */
  department: string | null;
  /** Standard role keys (`sales`, `energy_consultant`, …) assigned to the user. */
  roles?: string[];
}

export interface ModuleTestUser {
  id: string;
  email: string;
  departmentId: string | null;
}

export interface ModuleTestContextOptions<U extends string> {
  /** The context's permission keys: `ctx.as(user, 'department', fn)` grants each of them at that scope. */
  permissions: readonly string[];
  /** Real users (owner and assignee foreign keys), created with the seeded departments and roles. */
  users?: Record<U, ModuleTestUserSpec>;
  /** Connect the app through PgBouncer (as in production) instead of directly. */
  throughBouncer?: boolean;
}

export interface ModuleTestContext<U extends string> {
  db: TestDatabase;
  server: TestApp;
  app: INestApplicationContext;
  /** Superuser pool on the test database, for fixtures and assertions behind the app's back. */
  admin: Pool;
  users: Record<U, ModuleTestUser>;
  /** The id of a seeded department (`sales` → its uuid). */
  department(key: string): string;
  /** A provider of the app (a service to call directly). */
  get<T>(type: Type<T>): T;
  /** Runs `fn` as `user`, with every permission of the context at `scope` (or exactly the given grants). */
  as<T>(user: { id: string; departmentId: string | null }, scope: Scope | Record<string, Scope>, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A module test's world: a private clone of the migrated template database, seeded like a new
 * installation (departments, standard roles, admin), the users the test names, and the whole app.
 * Services are called directly inside `ctx.as(user, scope, …)`, which sets the request context the
 * auth guard would set, so scopes apply exactly as over HTTP.
 *
 *   const ctx = await startModuleTestContext({ permissions: crmPermissions.keys, users: { anna: { department: 'sales' } } });
 *   const page = await ctx.as(ctx.users.anna, 'department', () => ctx.get(LeadsService).list(query));
 */
export async function startModuleTestContext<U extends string = never>(options: ModuleTestContextOptions<U>): Promise<ModuleTestContext<U>> {
  const db = await createTestDatabase();
  await seedDatabase(db);
  const admin = db.adminPool(3);
  const users = {} as Record<U, ModuleTestUser>;
  const passwordHash = await hash(MODULE_TEST_PASSWORD);
  for (const [name, spec] of Object.entries(options.users ?? {}) as [U, ModuleTestUserSpec][]) {
    users[name] = await insertUser(admin, `${name}@renewa.de`, spec, passwordHash);
  }
  const server = await startTestApp({ databaseUrl: options.throughBouncer ? (db.bouncerUrl ?? db.appUrl) : db.appUrl });
  return {
    db,
    server,
    app: server.app,
    admin,
    users,
    department: (key) => seedUuid('departments', key),
    get: (type) => server.app.get(type, { strict: false }),
    as: (user, scope, fn) => {
      const grants = typeof scope === 'string' ? grantAll(options.permissions, scope) : scope;
      return asActor({ id: user.id, departmentId: user.departmentId, grants }, fn);
    },
    close: async () => {
      await server.close();
      await db.drop();
    },
  };
}

/** Runs the registered seeds (reference data, standard roles, admin) on a test database. */
export async function seedDatabase(db: TestDatabase): Promise<void> {
  const pool = new Pool({ connectionString: db.appUrl, max: 2 });
  const quiet = { info: () => undefined, warn: () => undefined };
  try {
    await runSeeds(createDatabase(pool), SEEDS, { env: { nodeEnv: 'test', adminPassword: MODULE_TEST_ADMIN_PASSWORD }, log: quiet });
  } finally {
    await pool.end();
  }
}

async function insertUser(admin: Pool, email: string, spec: ModuleTestUserSpec, passwordHash: string): Promise<ModuleTestUser> {
  const departmentId = spec.department ? seedUuid('departments', spec.department) : null;
  const { rows } = await admin.query<{ id: string }>(
    'insert into users (email, name, password_hash, department_id) values ($1, $2, $3, $4) returning id',
    [email, email.split('@')[0], passwordHash, departmentId],
  );
  for (const role of spec.roles ?? []) {
    await admin.query('insert into user_roles (user_id, role_id) select $1, id from roles where key = $2', [rows[0].id, role]);
  }
  return { id: rows[0].id, email, departmentId };
}

/** Awaits `promise` expecting an AppError (problem) with this status and code; returns it. */
export async function expectAppError(
  promise: Promise<unknown>,
  status: number,
  code: string,
): Promise<{ code: string; errors?: unknown; extensions?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { getStatus?: () => number; code?: string };
    expect({ status: e.getStatus?.(), code: e.code }).toEqual({ status, code });
    return error as { code: string };
  }
  throw new Error(`expected ${status} ${code}, but it succeeded`);
}

/**
 * `startModuleTestContext` for a whole test file: started before its tests, closed after them.
 * The returned object is filled by the time the tests run (not while `describe` bodies are read).
 *
 *   const ctx = useModuleTestContext({ permissions: projectsPermissions.keys, users: { erik: { department: 'energy_consulting' } } });
 *   it('…', () => ctx.as(ctx.users.erik, 'own', () => ctx.get(ProjectsService).create(dto)));
 */
export function useModuleTestContext<U extends string = never>(options: ModuleTestContextOptions<U>): ModuleTestContext<U> {
  const ctx = {} as ModuleTestContext<U>;
  beforeAll(async () => {
    Object.assign(ctx, await startModuleTestContext(options));
  });
  afterAll(async () => {
    await ctx.close?.();
  });
  return ctx;
}

/**
 * A provider of a `useModuleTestContext` app, usable in a `describe` body before the app exists:
 * every property access goes to the real provider once the tests run.
 */
export function lazyProvider<T extends object>(ctx: Pick<ModuleTestContext<string>, 'get'>, type: Type<T>): T {
  return new Proxy({} as T, {
    get: (_target, property) => {
      const instance = ctx.get(type) as Record<string | symbol, unknown>;
      const value = instance[property];
      return typeof value === 'function' ? value.bind(instance) : value;
    },
  });
}
