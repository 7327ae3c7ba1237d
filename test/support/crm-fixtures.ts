import type { INestApplicationContext } from '@nestjs/common';
import { Pool } from 'pg';
import type { Scope } from '@libs/auth';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { asActor, grantAll, TestActor } from '@libs/testing/actor';
import { startTestApp, TestApp } from '@libs/testing/app';
import { crmPermissions } from '../../src/modules/crm/crm.permissions';
import { departmentId, insertUser, seedReferenceData } from '../e2e/support/auth';

export const CRM_PERMISSIONS = crmPermissions.keys;
export const SALES = departmentId('sales');
export const CONSULTING = departmentId('energy_consulting');

export interface CrmTestContext {
  db: TestDatabase;
  server: TestApp;
  app: INestApplicationContext;
  /** Superuser pool on the test database, for fixtures and assertions behind the app's back. */
  admin: Pool;
  /** Real users (assignee foreign keys): two sales people and one consultant. */
  users: { anna: string; ben: string; clara: string };
  /** Runs `fn` as `user` with every CRM permission at `scope` (or the given grants). */
  as<T>(user: { id: string; departmentId: string | null }, scope: Scope | Record<string, Scope>, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A migrated, seeded database and the whole app for a CRM module test: services are called
 * directly (`ctx.app.get(LeadsService)`) inside `ctx.as(user, scope, …)`, which sets the request
 * context the auth guard would. `direct`: connect without PgBouncer (module tests may use either).
 */
export async function startCrmTestContext(options: { throughBouncer?: boolean } = {}): Promise<CrmTestContext> {
  const db = await createTestDatabase();
  await seedReferenceData(db);
  const admin = new Pool({ connectionString: db.adminUrl, max: 3 });
  const anna = await insertUser(admin, { email: 'anna@renewa.de', department: 'sales', roles: ['sales'] });
  const ben = await insertUser(admin, { email: 'ben@renewa.de', department: 'sales', roles: ['sales'] });
  const clara = await insertUser(admin, { email: 'clara@renewa.de', department: 'energy_consulting', roles: ['energy_consultant'] });
  const server = await startTestApp({ databaseUrl: options.throughBouncer ? (db.bouncerUrl ?? db.appUrl) : db.appUrl });
  return {
    db,
    server,
    app: server.app,
    admin,
    users: { anna: anna.id, ben: ben.id, clara: clara.id },
    as: (user, scope, fn) => {
      const grants = typeof scope === 'string' ? grantAll(CRM_PERMISSIONS, scope) : scope;
      const actor: TestActor = { id: user.id, departmentId: user.departmentId, grants };
      return asActor(actor, fn);
    },
    close: async () => {
      await server.close();
      await admin.end();
      await db.drop();
    },
  };
}

/** Awaits `promise` expecting an AppError (problem) with this status and code; returns it. */
export async function expectAppError(promise: Promise<unknown>, status: number, code: string): Promise<{ code: string; errors?: unknown; extensions?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { getStatus?: () => number; code?: string };
    expect({ status: e.getStatus?.(), code: e.code }).toEqual({ status, code });
    return error as { code: string };
  }
  throw new Error(`expected ${status} ${code}, but it succeeded`);
}
