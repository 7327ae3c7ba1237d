import type { FastifyInstance } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import type { RequestContextStore } from './request-context';

/**
 * Opens the request context (request-context.ts) for every request Fastify routes, before any
 * other hook, guard or handler: one async-local store holding the request id (Fastify's, see
 * `genRequestId`) and the client address (after TRUSTED_PROXIES). A plain Fastify hook instead of
 * a Nest middleware, which would take @fastify/middie and nestjs-cls' middleware with their
 * awaits on every request (bench/api). Fastify carries the context across body parsing.
 */
export function registerRequestContextHook(fastify: FastifyInstance): void {
  const cls = ClsServiceManager.getClsService<RequestContextStore>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    cls.runWith({ requestId: request.id, clientIp: request.ip }, done);
  });
}
