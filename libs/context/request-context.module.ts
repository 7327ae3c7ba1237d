import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';

/**
 * The async-local request context (request-context.ts) as a Nest module: ClsService for whoever
 * injects it, and the global store the transactional plugin uses. Every HTTP request's context is
 * opened by `registerRequestContextHook` (request-context.hook.ts), a Fastify hook the app adds.
 * Not `ClsModule.forRoot()`: that also registers a global guard and a global interceptor — no-ops
 * when nothing is mounted, but every route would still run them, the interceptor through rxjs.
 */
@Global()
@Module({ imports: [ClsModule], exports: [ClsModule] })
export class RequestContextModule {}
