import type { ModuleImport } from '../../../src/app.module';
import { seedDatabase } from '../../../src/db/seeds/seed-database';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import type { OpenApiDocument } from './document';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Session } from './session';

export interface ContractApp {
  db: TestDatabase;
  server: TestApp;
  /** The seeded administrator, signed in (when the API has a sign-in operation). */
  admin?: Session;
  close(): Promise<void>;
}

const quiet = { info: () => undefined, warn: () => undefined };

/**
 * The real app on a private clone of the template database, through PgBouncer when it runs, with
 * the reference data seeded (the administrator's password is ADMIN_PASSWORD of session.ts).
 */
export async function startContractApp(document: OpenApiDocument, imports: ModuleImport[] = []): Promise<ContractApp> {
  const db = await createTestDatabase();
  try {
    await seedDatabase({ url: db.appUrl, env: { nodeEnv: 'test', adminPassword: ADMIN_PASSWORD }, log: quiet });
    const server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, imports });
    const hasLogin = Object.values(document.paths).some((item) => item.post?.operationId === 'login');
    const admin = hasLogin ? await new Session(server.baseUrl, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).login() : undefined;
    return {
      db,
      server,
      admin,
      close: async () => {
        await server.close();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}
