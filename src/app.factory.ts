import type { ArgumentsHost } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { AppConfig, loadConfig } from '@libs/config';
import { genRequestId, registerRequestContextHook } from '@libs/context';
import {
  AppLogger,
  createLogger,
  createValidationPipe,
  HttpShutdownState,
  PinoNestLogger,
  ProblemDetailsFilter,
  registerPlatformHooks,
} from '@libs/http';
import { AppModule, ModuleImport } from './app.module';
import { HEALTH_ROUTES } from './health/health.module';
import { buildOpenApiDocument, createOpenApiDocument, setupSwagger } from './openapi';

export const API_PREFIX = 'api/v1';

export interface CreateAppOptions {
  /** Runtime connection string (`prepareDatabase().runtimeUrl`, or a test database). */
  databaseUrl: string;
  /** The process's pino logger; created from `config.logLevel` when omitted. */
  logger?: AppLogger;
  /** Extra modules (tests: a controller the app does not ship). */
  imports?: ModuleImport[];
  /** Pass one to observe when the HTTP server starts draining (tests). */
  shutdownState?: HttpShutdownState;
  /**
   * Nest's `enableShutdownHooks()` (default true). main.ts turns it off and runs its own
   * GracefulShutdown, which also stops the embedded database after the app has closed.
   */
  shutdownHooks?: boolean;
  /** Run `app.init()` (default true); `generateOpenApiDocument` only needs the routes scanned. */
  init?: boolean;
}

/** A fully configured, initialised app that is not listening yet. */
export async function createApp(config: AppConfig, options: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  let problemFilter: ProblemDetailsFilter | undefined;
  const adapter = new FastifyAdapter({
    // The router rejects a malformed URL (400) or an over-long path parameter (414) before Nest
    // sees the request: render those as problem+json too (found by the contract fuzz test).
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => problemFilter?.catch(error, httpHost(request, reply)) ?? reply.send(error),
    bodyLimit: config.http.bodyLimitBytes,
    // X-Forwarded-* is believed only from these peers (TRUSTED_PROXIES); anyone else's is ignored.
    trustProxy: config.http.trustedProxies.length > 0 ? config.http.trustedProxies : false,
    genReqId: genRequestId,
    requestIdHeader: false,
    loggerInstance: logger,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    return503OnClosing: false,
    // No Nest middleware is used (the request context is a Fastify hook): no @fastify/middie.
    skipMiddie: true,
  });
  registerRequestContextHook(adapter.getInstance());
  registerPlatformHooks(adapter.getInstance(), options.shutdownState ?? new HttpShutdownState());

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: options.databaseUrl, imports: options.imports }),
    adapter,
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: HEALTH_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  // Before init(): Nest's not-found and Fastify error handlers capture the global filters then.
  problemFilter = new ProblemDetailsFilter(app.getHttpAdapter(), logger);
  app.useGlobalFilters(problemFilter);
  if (options.shutdownHooks ?? true) app.enableShutdownHooks();

  let document: OpenAPIObject | undefined;
  setupSwagger(app, () => (document ??= createOpenApiDocument(app)));
  if (options.init ?? true) {
    try {
      await app.init();
    } catch (error) {
      // A boot check refused the app: release what the modules initialised so far (the pool).
      await app.close().catch(() => undefined);
      throw error;
    }
  }
  return app;
}

/** The ArgumentsHost of a request Nest never saw, for the problem filter. */
function httpHost(request: unknown, reply: unknown): ArgumentsHost {
  const http = { getRequest: () => request, getResponse: () => reply, getNext: () => undefined };
  return { getType: () => 'http', switchToHttp: () => http, getArgs: () => [request, reply], getArgByIndex: (i: number) => [request, reply][i] } as unknown as ArgumentsHost;
}

/** Nothing listens on port 1: the lazy pool of the offline app never opens a connection. */
const OFFLINE_DATABASE_URL = 'postgres://openapi@127.0.0.1:1/openapi';

/**
 * The OpenAPI document `make openapi` writes (`node dist/src/cli.js openapi`): the app is created
 * with a fixed configuration but neither initialised (no lifecycle hooks, no relay, no seeds) nor
 * listening, and never reaches a database, so the document depends on the code alone. Run it from
 * the `nest build` output: only there did the Swagger CLI plugin describe the DTOs.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', AUTO_SEED: 'false' });
  const app = await createApp(config, { databaseUrl: OFFLINE_DATABASE_URL, init: false, shutdownHooks: false });
  try {
    return await buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
