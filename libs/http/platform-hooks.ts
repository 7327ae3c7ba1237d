import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error';
import { REQUEST_ID_HEADER } from '@libs/context';
import { formatEtag, isVersioned } from './etag';
import { HttpShutdownState } from './shutdown-state';

/**
 * Fastify hooks every request passes through, unknown routes and errors included. Added on the
 * root instance before Nest registers its routes. Fastify's own 503 while closing is turned off
 * (`return503OnClosing: false`) because it answers plain JSON; this one goes through the filter.
 */
export function registerPlatformHooks(fastify: FastifyInstance, shutdown: HttpShutdownState): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!shutdown.isClosing) return done();
    done(AppError.serviceUnavailable('HTTP_SHUTTING_DOWN', 'The server is shutting down; retry the request.'));
  });
  // Every response carrying a versioned resource gets its ETag: reads, creates, updates, actions,
  // idempotent replays. A Fastify hook rather than a Nest interceptor, which would put every
  // route of its controller through rxjs (bench/api).
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    if (isVersioned(payload)) reply.header('etag', formatEtag(payload.id, payload.version));
    done(null, payload);
  });
  // onSend runs for every response Fastify sends: handlers, problems, 404s.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // A request that was in flight when closing began: without this its keep-alive connection
    // stays open after the response and close() waits for the client (or keepAliveTimeout).
    if (shutdown.isClosing && request.raw.httpVersionMajor === 1) reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('preClose', (done) => {
    shutdown.markClosing();
    done();
  });
}
