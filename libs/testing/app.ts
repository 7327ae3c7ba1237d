import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@libs/config';
import { AppLogger, HttpShutdownState } from '@libs/http';
import { createApp } from '../../src/app.factory';
import type { ModuleImport } from '../../src/app.module';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export interface StartTestAppOptions {
  /** `db.bouncerUrl ?? db.appUrl` of a `createTestDatabase()`. */
  databaseUrl: string;
  configOverrides?: DeepPartial<AppConfig>;
  /** Test-only modules, e.g. one with a controller that exercises validation. */
  imports?: ModuleImport[];
  /** Defaults to a silent logger (TEST_LOG_LEVEL=debug to see the app's logs). */
  logger?: AppLogger;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** Resolves `closing` when the HTTP server starts draining. */
  shutdownState: HttpShutdownState;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1 and a free port, for tests over HTTP. Call `close()` in afterAll. */
export async function startTestApp(options: StartTestAppOptions): Promise<TestApp> {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', AUTO_SEED: 'false' });
  const config = merge(base, options.configOverrides ?? {});
  const shutdownState = new HttpShutdownState();
  const app = await createApp(config, {
    databaseUrl: options.databaseUrl,
    logger: options.logger,
    imports: options.imports,
    shutdownState,
    shutdownHooks: false,
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, shutdownState, close: () => app.close() };
}

function merge<T>(base: T, overrides: DeepPartial<T>): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    const current = result[key];
    result[key] =
      isPlainObject(value) && isPlainObject(current) ? merge(current, value as DeepPartial<typeof current>) : value;
  }
  return result as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
