import { BadRequestException, ForbiddenException, HttpException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { INTERNAL_ERROR_DETAIL, mapExceptionToProblem, problemTypeFor } from './problem-details';

/** Shaped like the errors Fastify's content-type parser raises (@fastify/error). */
function fastifyError(code: string, statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { name: 'FastifyError', code, statusCode });
}

/** What Nest's FastifyAdapter.mapException makes of a 4xx Fastify error. */
function wrapped(error: Error & { statusCode?: number }): HttpException {
  return new HttpException(error.message, error.statusCode ?? 500, { cause: error });
}

describe('mapExceptionToProblem', () => {
  it('renders an AppError with its code, title, detail and type', () => {
    const { problem, unexpected } = mapExceptionToProblem(AppError.notFound('CRM_LEAD_NOT_FOUND', 'Lead 42 does not exist.'));
    expect(problem).toEqual({
      type: 'https://renewa.dev/problems/crm-lead-not-found',
      title: 'Not Found',
      status: 404,
      detail: 'Lead 42 does not exist.',
      code: 'CRM_LEAD_NOT_FOUND',
    });
    expect(unexpected).toBe(false);
  });

  it('keeps the field errors of a validation AppError', () => {
    const errors = [{ path: 'address.zip', message: 'zip must be a string' }];
    const { problem } = mapExceptionToProblem(AppError.validation(errors));
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: 'Validation failed', errors });
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'HTTP_PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'HTTP_MALFORMED_JSON'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'HTTP_EMPTY_JSON_BODY'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'HTTP_UNSUPPORTED_MEDIA_TYPE'],
  ])('maps Fastify %s, raw or wrapped by Nest, to %i %s', (fastifyCode, status, code) => {
    const error = fastifyError(fastifyCode, status, 'fastify message');
    for (const exception of [error, wrapped(error)]) {
      const { problem, unexpected } = mapExceptionToProblem(exception);
      expect(problem).toMatchObject({ status, code, type: problemTypeFor(code) });
      expect(unexpected).toBe(false);
    }
  });

  it('maps a JSON SyntaxError with status 400 to malformed JSON', () => {
    const error = Object.assign(new SyntaxError('Unexpected token } in JSON'), { statusCode: 400 });
    expect(mapExceptionToProblem(error).problem).toMatchObject({ status: 400, code: 'HTTP_MALFORMED_JSON' });
  });

  it("distinguishes Nest's unknown-route 404 from a 404 a handler throws", () => {
    expect(mapExceptionToProblem(new NotFoundException('Cannot GET /api/v1/nope')).problem).toMatchObject({
      status: 404,
      code: 'HTTP_ROUTE_NOT_FOUND',
      detail: 'Cannot GET /api/v1/nope',
    });
    expect(mapExceptionToProblem(new NotFoundException('No such thing')).problem).toMatchObject({
      code: 'HTTP_NOT_FOUND',
      detail: 'No such thing',
      type: 'https://renewa.dev/problems/http-not-found',
    });
  });

  it('derives code and title of other HttpExceptions from the status', () => {
    expect(mapExceptionToProblem(new ForbiddenException()).problem).toEqual({
      type: 'https://renewa.dev/problems/http-forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'Forbidden',
      code: 'HTTP_FORBIDDEN',
    });
    expect(mapExceptionToProblem(new BadRequestException(['a is wrong', 'b is wrong'])).problem).toMatchObject({
      code: 'HTTP_BAD_REQUEST',
      detail: 'a is wrong; b is wrong',
    });
  });

  it('hides the message of unknown errors and 5xx HttpExceptions, and flags them as unexpected', () => {
    const unknown = mapExceptionToProblem(new Error('password authentication failed for user "app-user"'));
    expect(unknown).toEqual({
      problem: {
        type: 'https://renewa.dev/problems/internal-error',
        title: 'Internal Server Error',
        status: 500,
        detail: INTERNAL_ERROR_DETAIL,
        code: 'INTERNAL_ERROR',
      },
      unexpected: true,
    });
    const http500 = mapExceptionToProblem(new InternalServerErrorException('secret internals'));
    expect(http500.problem.detail).toBe(INTERNAL_ERROR_DETAIL);
    expect(http500.unexpected).toBe(true);
    expect(mapExceptionToProblem('a thrown string').problem.status).toBe(500);
    expect(mapExceptionToProblem(undefined).problem.status).toBe(500);
  });

  it('keeps a 4xx error from a library that never became an HttpException', () => {
    const error = Object.assign(new Error('Too many files'), { statusCode: 413 });
    expect(mapExceptionToProblem(error)).toMatchObject({ problem: { status: 413, code: 'HTTP_PAYLOAD_TOO_LARGE' }, unexpected: false });
  });
});
