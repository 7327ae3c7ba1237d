import type { IncomingMessage } from 'node:http';
import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import type { RequestContextStore } from './request-context';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

/**
 * Opens an async-local context for every HTTP request before guards run, holding the request id,
 * actor, locale and client ip (see request-context.ts for the accessors).
 */
@Global()
@Module({
  imports: [
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        setup: (cls, req: IncomingMessage & { ip?: string }) => {
          const store = cls as unknown as { set<K extends keyof RequestContextStore>(k: K, v: RequestContextStore[K]): void };
          store.set('requestId', resolveRequestId(req.headers[REQUEST_ID_HEADER]));
          store.set('clientIp', req.ip ?? req.socket?.remoteAddress);
        },
      },
    }),
  ],
})
export class RequestContextModule {}
