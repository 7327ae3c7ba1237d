import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { AppError, FieldError } from './app-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
export const PROBLEM_TYPE_BASE_URL = 'https://renewa.dev/problems/';

/** RFC 9457 problem details as this API renders them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  instance: string;
  errors?: FieldError[];
}

/** The part of a problem that depends on the exception alone. */
export type ProblemBody = Omit<ProblemDetails, 'requestId' | 'instance'> & {
  /** Extension members of specific problems (AppError `extensions`), e.g. `duplicates`. */
  [extension: string]: unknown;
};

export interface MappedException {
  problem: ProblemBody;
  /** True when this is a fault of ours (5xx): it is logged with its stack and its message is hidden. */
  unexpected: boolean;
}

export const INTERNAL_ERROR_DETAIL = 'An unexpected error occurred. Please quote the request id when reporting it.';

/** `CRM_LEAD_NOT_FOUND` → `https://renewa.dev/problems/crm-lead-not-found` */
export function problemTypeFor(code: string): string {
  return PROBLEM_TYPE_BASE_URL + code.toLowerCase().replace(/_/g, '-');
}

interface KnownError {
  code: string;
  status: number;
  title: string;
  detail: string;
}

/** Errors Fastify raises before a handler runs (body parsing, URL decoding). */
const FASTIFY_ERRORS: Record<string, KnownError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'HTTP_PAYLOAD_TOO_LARGE',
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'Payload too large',
    detail: 'The request body is larger than the server accepts.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'HTTP_MALFORMED_JSON',
    status: HttpStatus.BAD_REQUEST,
    title: 'Malformed JSON',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'HTTP_EMPTY_JSON_BODY',
    status: HttpStatus.BAD_REQUEST,
    title: 'Empty JSON body',
    detail: 'The request declares Content-Type application/json but its body is empty.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'HTTP_UNSUPPORTED_MEDIA_TYPE',
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'Unsupported media type',
    detail: 'The request body has a Content-Type this endpoint does not accept; send application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'HTTP_INVALID_CONTENT_LENGTH',
    status: HttpStatus.BAD_REQUEST,
    title: 'Invalid Content-Length',
    detail: 'The request body size does not match its Content-Length header.',
  },
  FST_ERR_BAD_URL: {
    code: 'HTTP_BAD_URL',
    status: HttpStatus.BAD_REQUEST,
    title: 'Bad URL',
    detail: 'The request URL is malformed.',
  },
};

/**
 * Maps anything thrown while handling a request to a problem. Pure, so the mapping is unit-tested
 * without a server; `ProblemDetailsFilter` adds the request id and instance and sends it.
 */
export function mapExceptionToProblem(exception: unknown): MappedException {
  // An AppError's detail was written for the client, so it is shown even for a 5xx.
  if (exception instanceof AppError) {
    return {
      problem: compact({
        ...exception.extensions,
        type: problemTypeFor(exception.code),
        title: exception.title,
        status: exception.getStatus(),
        detail: exception.detail,
        code: exception.code,
        errors: exception.errors,
      }),
      unexpected: exception.getStatus() >= 500,
    };
  }

  const fastifyError = findFastifyError(exception);
  if (fastifyError) return { problem: known(fastifyError), unexpected: false };

  if (exception instanceof SyntaxError && (exception as { statusCode?: unknown }).statusCode === 400) {
    return { problem: known(FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY), unexpected: false };
  }

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return { problem: fromStatus(status, INTERNAL_ERROR_DETAIL), unexpected: true };
    const code = isRouteNotFound(exception) ? 'HTTP_ROUTE_NOT_FOUND' : undefined;
    return { problem: fromStatus(status, httpExceptionDetail(exception), code), unexpected: false };
  }

  // A 4xx error from a library (http-errors style) that never became an HttpException.
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && exception instanceof Error) {
    return { problem: fromStatus(status, exception.message), unexpected: false };
  }

  return { problem: fromStatus(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_DETAIL, 'INTERNAL_ERROR'), unexpected: true };
}

/** Nest wraps Fastify's 4xx errors in an HttpException whose cause is the original. */
function findFastifyError(exception: unknown): KnownError | undefined {
  for (const candidate of [exception, (exception as { cause?: unknown } | null)?.cause]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && Object.hasOwn(FASTIFY_ERRORS, code)) return FASTIFY_ERRORS[code];
  }
  return undefined;
}

/** The exception of Nest's not-found handler ("Cannot GET /x"), as opposed to one a service throws. */
function isRouteNotFound(exception: HttpException): boolean {
  return exception.getStatus() === 404 && /^Cannot [A-Z]+ /.test(exception.message);
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

function known(error: KnownError): ProblemBody {
  return { type: problemTypeFor(error.code), title: error.title, status: error.status, detail: error.detail, code: error.code };
}

function fromStatus(status: number, detail: string, code?: string): ProblemBody {
  const title = STATUS_CODES[status] ?? 'Error';
  const problemCode = code ?? `HTTP_${title.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
  return { type: problemTypeFor(problemCode), title, status, detail, code: problemCode };
}

function compact(problem: ProblemBody): ProblemBody {
  if (problem.errors === undefined) delete problem.errors;
  return problem;
}
