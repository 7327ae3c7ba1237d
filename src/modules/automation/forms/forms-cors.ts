import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AppConfig, InjectAppConfig } from '@libs/config';

const PUBLIC_FORMS_PREFIX = '/api/v1/public/forms/';

/**
 * CORS for the public form routes only, and only for FORMS_CORS_ORIGINS: a web site on one of
 * those origins may load forms and submit them from the browser (preflight included); every other
 * route and origin gets no CORS headers, so browsers keep refusing cross-site calls to the API.
 */
@Injectable()
export class FormsCors implements OnModuleInit {
  private readonly logger = new Logger(FormsCors.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify || this.config.forms.corsOrigins.length === 0) return;
    const allowed = new Set(this.config.forms.corsOrigins);
    fastify.addHook('onRequest', (request, reply, done) => {
      const origin = request.headers.origin;
      if (!origin || !allowed.has(origin) || !request.url.startsWith(PUBLIC_FORMS_PREFIX)) return done();
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
      if (request.method !== 'OPTIONS') return done();
      reply
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', 'content-type, idempotency-key')
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    });
    this.logger.log(`public forms accept browser requests from ${[...allowed].join(', ')}`);
  }
}
