import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { HttpServer } from '@nestjs/common';
import type { Logger } from 'pino';
import { mapExceptionToProblem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { REQUEST_ID_HEADER, resolveRequestId } from '@libs/context';

/** What the filter reads from a request: a Fastify request, or the raw Node request for middleware errors. */
interface RequestLike {
  id?: unknown;
  url?: string;
  originalUrl?: string;
  headers?: Record<string, string | string[] | undefined>;
  log?: Pick<Logger, 'error' | 'debug'>;
}

/**
 * Renders every error as RFC 9457 problem+json: HttpExceptions, AppErrors, Fastify's body-parser
 * errors, unknown routes (Nest's not-found handler runs through the global filters) and anything
 * unexpected, which becomes a 500 whose detail hides the cause and is logged with its stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly httpAdapter: HttpServer,
    private readonly logger: Pick<Logger, 'error' | 'debug'>,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<RequestLike>();
    const response = http.getResponse<unknown>();

    const { problem, unexpected } = mapExceptionToProblem(exception);
    const requestId = typeof request.id === 'string' ? request.id : resolveRequestId(request.headers?.[REQUEST_ID_HEADER]);
    const { errors, ...rest } = problem;
    const body: ProblemDetails = {
      ...rest,
      requestId,
      instance: (request.originalUrl ?? request.url ?? '').split('?')[0],
      ...(errors && { errors }),
    };

    const log = request.log ?? this.logger;
    if (unexpected) {
      log.error({ err: exception, code: body.code, status: body.status }, 'request failed with an unexpected error');
    } else {
      log.debug({ code: body.code, status: body.status }, body.detail);
    }

    if (this.httpAdapter.isHeadersSent(response)) return;
    this.httpAdapter.setHeader(response, 'content-type', PROBLEM_CONTENT_TYPE);
    this.httpAdapter.setHeader(response, REQUEST_ID_HEADER, requestId);
    this.httpAdapter.reply(response, body, body.status);
  }
}
