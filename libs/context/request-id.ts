import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's `X-Request-Id` when it is safe to log and echo (at most 128 characters of
 * `[A-Za-z0-9._:-]`), otherwise a new UUID. Repeated headers arrive joined by ", " and so
 * are replaced too.
 */
export function resolveRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTED_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Fastify's `genReqId`: the id becomes `request.id`, the `requestId` of every log line and of the
 * request context (request-context.hook.ts). It is also written back to the raw request's header,
 * so code that reads `X-Request-Id` there sees the same id as the logs and the response.
 */
export function genRequestId(req: IncomingMessage): string {
  const id = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = id;
  return id;
}
