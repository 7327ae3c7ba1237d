import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import type { AppConfig } from '@libs/config';
import { genRequestId } from '@libs/context';
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
import { buildOpenApiDocument, setupSwagger } from './openapi';

export const API_PREFIX = 'api/v1';

/**
 * Proxies whose X-Forwarded-* headers are believed: Fly's edge and local reverse proxies reach the
 * app from private or loopback addresses; a client connecting directly cannot spoof its ip.
 */
export const TRUSTED_PROXIES = ['loopback', 'linklocal', 'uniquelocal'];

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
}

/** A fully configured, initialised app that is not listening yet. */
export async function createApp(config: AppConfig, options: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: TRUSTED_PROXIES,
    genReqId: genRequestId,
    requestIdHeader: false,
    loggerInstance: logger,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    return503OnClosing: false,
  });
  registerPlatformHooks(adapter.getInstance(), options.shutdownState ?? new HttpShutdownState());

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: options.databaseUrl, imports: options.imports }),
    adapter,
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: HEALTH_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  // Before init(): Nest's not-found and Fastify error handlers capture the global filters then.
  app.useGlobalFilters(new ProblemDetailsFilter(app.getHttpAdapter(), logger));
  if (options.shutdownHooks ?? true) app.enableShutdownHooks();

  setupSwagger(app, await buildOpenApiDocument(app));
  await app.init();
  return app;
}
