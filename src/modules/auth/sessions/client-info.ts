import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from './sessions.service';

/** The caller's address (X-Forwarded-For from trusted proxies, see app.factory) and user agent. */
export function clientInfo(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : undefined };
}
