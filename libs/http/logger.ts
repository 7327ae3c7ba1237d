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

/** The one pino instance of the process: Fastify's request logger and Nest's logger both write through it. */
export function createLogger({ level, destination }: CreateLoggerOptions): AppLogger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
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
