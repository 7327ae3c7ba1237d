import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';

/**
 * The async-local request context (request-context.ts) as a Nest module, for the services that
 * inject ClsService. Every HTTP request's context is opened by `registerRequestContextHook`
 * (request-context.hook.ts), which the app adds to Fastify: no Nest middleware is mounted.
 */
@Global()
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: false } })],
})
export class RequestContextModule {}
