import './bundled-packages';
import { existsSync } from 'node:fs';
import { AppConfig, ConfigError, loadConfig } from '@libs/config';
import { createLogger, GracefulShutdown } from '@libs/http';
import { API_PREFIX, createApp } from './app.factory';
import { prepareDatabase } from './db/runtime';
import { DOCS_PATH } from './openapi';

/** Starts the server; resolves true once it listens, false when start-up failed (the process then exits). */
export async function bootstrap(): Promise<boolean> {
  const config = readConfigOrExit();
  const logger = createLogger({ level: config.logLevel });
  const shutdown = new GracefulShutdown({
    timeoutMs: config.http.shutdownTimeoutMs,
    log: { info: (msg) => logger.info(msg), error: (msg, err) => logger.error({ err }, msg) },
  });
  shutdown.listen();

  try {
    // Shutdown runs the steps in reverse: the app (HTTP drain, then the pool) before the database.
    // Registered before it is ready, so a signal during migrations still stops the embedded server.
    const preparing = prepareDatabase(config, { info: (msg) => logger.info(msg), warn: (msg) => logger.warn(msg) });
    shutdown.register('database', async () => (await preparing.catch(() => undefined))?.stop());
    const db = await preparing;
    const app = await createApp(config, { databaseUrl: db.runtimeUrl, logger, shutdownHooks: false });
    shutdown.register('app', () => app.close());
    await app.listen({ host: config.http.host, port: config.http.port });
  } catch (error) {
    logger.fatal({ err: error }, 'startup failed');
    await shutdown.shutdown('startup failed', 1);
    return false;
  }

  const base = publicBaseUrl(config);
  logger.info(`API listening on ${base}/${API_PREFIX}`);
  logger.info(`Swagger UI on ${base}/${DOCS_PATH}`);
  return true;
}

/** Loads `.env` from the working directory when present (variables already set win). */
function readConfigOrExit(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** 0.0.0.0 / :: mean "every interface"; print an address a browser can open. */
function publicBaseUrl(config: AppConfig): string {
  const { host, port } = config.http;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** `bootstrap()`, and an error it did not handle ends the process. dist/server.js calls this. */
export function start(): Promise<boolean> {
  return bootstrap().catch((error: unknown) => {
    process.stderr.write(`startup failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}

// Run directly (`node dist/src/main.js`); in the bundle dist/server.js starts it.
if (require.main === module) void start();
