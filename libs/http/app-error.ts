import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** One failed field of a request: `address.zip`, `items[0].name`. */
export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Stable, machine-readable: `CRM_LEAD_NOT_FOUND`. The code is the contract, detail is for humans. */
  code: string;
  status: number;
  /** Short summary of the problem type; defaults to the HTTP status text. */
  title?: string;
  /** Explanation of this occurrence, shown to the client. Must not contain secrets. */
  detail?: string;
  errors?: FieldError[];
  /**
   * RFC 9457 extension members, rendered beside the standard ones (which they can never replace):
   * e.g. `duplicates` of a 409 duplicate problem. Document them with a DTO extending ProblemDetailsDto.
   */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The error services and guards throw for an expected failure. Rendered by
 * `ProblemDetailsFilter` as RFC 9457 problem+json with `code` and, for validation, `errors[]`.
 * Extends HttpException so Nest treats it as a handled HTTP error everywhere.
 */
export class AppError extends HttpException {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(options: AppErrorOptions) {
    const title = options.title ?? STATUS_CODES[options.status] ?? 'Error';
    const detail = options.detail ?? title;
    super({ code: options.code, title, detail, errors: options.errors }, options.status, { cause: options.cause });
    this.name = 'AppError';
    this.message = detail;
    this.code = options.code;
    this.title = title;
    this.detail = detail;
    this.errors = options.errors;
    this.extensions = options.extensions;
  }

  static badRequest(code: string, detail: string): AppError {
    return new AppError({ code, status: HttpStatus.BAD_REQUEST, detail });
  }

  /** 400 with one entry per failed field. */
  static validation(errors: FieldError[], detail = 'The request is invalid; see errors for each field.'): AppError {
    return new AppError({ code: 'VALIDATION_FAILED', status: HttpStatus.BAD_REQUEST, title: 'Validation failed', detail, errors });
  }

  static unauthorized(code: string, detail: string): AppError {
    return new AppError({ code, status: HttpStatus.UNAUTHORIZED, detail });
  }

  static forbidden(code: string, detail: string): AppError {
    return new AppError({ code, status: HttpStatus.FORBIDDEN, detail });
  }

  static notFound(code: string, detail: string): AppError {
    return new AppError({ code, status: HttpStatus.NOT_FOUND, detail });
  }

  static conflict(code: string, detail: string, extensions?: Record<string, unknown>): AppError {
    return new AppError({ code, status: HttpStatus.CONFLICT, detail, extensions });
  }

  /** 412: the `If-Match` ETag no longer matches. */
  static preconditionFailed(code: string, detail: string): AppError {
    return new AppError({ code, status: HttpStatus.PRECONDITION_FAILED, detail });
  }

  /** 428: a conditional header such as `If-Match` is required. */
  static preconditionRequired(code: string, detail: string): AppError {
    return new AppError({ code, status: HttpStatus.PRECONDITION_REQUIRED, detail });
  }

  /** 422: well-formed and valid, but breaks a business rule. */
  static unprocessable(code: string, detail: string, errors?: FieldError[]): AppError {
    return new AppError({ code, status: HttpStatus.UNPROCESSABLE_ENTITY, detail, errors });
  }

  static serviceUnavailable(code: string, detail: string, cause?: unknown): AppError {
    return new AppError({ code, status: HttpStatus.SERVICE_UNAVAILABLE, detail, cause });
  }
}
