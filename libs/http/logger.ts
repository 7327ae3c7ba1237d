import type { LoggerService } from '@nestjs/common';
import pino from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';
import type { LogLevel } from '@libs/config';

export type AppLogger = Logger;

export interface CreateLoggerOptions {
  level: LogLevel;
  /** Defaults to stdout; tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/**
 * Public routes whose path carries a secret (a customer's document-request or appointment link, a
 * private calendar feed): the segment after the prefix is never written to a log.
 */
const SECRET_PATH_SEGMENT = /(\/public\/(?:document-requests|appointment-links|calendar-feeds)\/)[^/?#]+/;

export function redactSecretPath(url: string): string {
  return url.replace(SECRET_PATH_SEGMENT, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: unknown;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
  raw?: unknown;
}

/** Fastify's request fields (as its own serializer writes them), with a secret path segment redacted. */
function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  const url = typeof req.url === 'string' ? redactSecretPath(req.url) : req.url;
  if (!req.raw) return { ...req, url };
  return { method: req.method, url, version: req.headers?.['accept-version'], host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** The one pino instance of the process: Fastify's request logger and Nest's logger both write through it. */
export function createLogger({ level, destination }: CreateLoggerOptions): AppLogger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      // Fastify merges these over its own (the instance's serializers win).
      serializers: { req: serializeRequest },
    },
    destination,
  );
}

/**
 * Nest's LoggerService over pino, so framework lines ("Mapped {/health/live, GET} route") are JSON
 * too. Nest passes the context as the last string argument and, for errors, a stack before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    if (rest.length > 0 && typeof rest[rest.length - 1] === 'string' && !isStack(rest[rest.length - 1])) {
      fields.context = rest.pop();
    }
    for (const param of rest) {
      if (param instanceof Error) fields.err = param;
      else if (isStack(param)) fields.stack = param;
    }
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function isStack(value: unknown): value is string {
  return typeof value === 'string' && /\n\s+at /.test(value);
}
