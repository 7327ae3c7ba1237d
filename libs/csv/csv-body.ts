import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable, Transform } from 'node:stream';
import { AppError } from '@libs/http';

export const CSV_CONTENT_TYPES = ['text/csv', 'application/csv'];
/** Upper bound of an uploaded CSV (50,000 rows of a lead import are ~10 MB). */
export const CSV_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Lets routes take `text/csv` bodies as a stream (not buffered, not bound by BODY_LIMIT_BYTES):
 * the handler reads it with `@CsvBody()`. Idempotent; call before the app listens.
 */
export function registerCsvContentType(fastify: FastifyInstance): void {
  for (const type of CSV_CONTENT_TYPES) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }
}

/** Counts bytes as they pass and fails the stream with a 413 problem past `maxBytes`. */
export function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) {
        callback(new AppError({ code: 'HTTP_PAYLOAD_TOO_LARGE', status: 413, detail: `The CSV is larger than ${maxBytes} bytes.` }));
        return;
      }
      callback(null, chunk);
    },
  });
}

/** The request body of a `text/csv` request as a byte stream (400 for any other content type). */
export const CsvBody = createParamDecorator((_options: unknown, context: ExecutionContext): Readable => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!CSV_CONTENT_TYPES.includes(type) || !(request.body instanceof Readable)) {
    throw new AppError({ code: 'HTTP_UNSUPPORTED_MEDIA_TYPE', status: 415, detail: 'Send the file as the request body with Content-Type: text/csv.' });
  }
  const limited = limitBytes(CSV_MAX_BYTES);
  request.body.on('error', (error) => limited.destroy(error));
  return request.body.pipe(limited);
});
