import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { AppError } from '@libs/http';
import { IdempotencyRepository } from './idempotency.repository';
import { IDEMPOTENCY_KEY_PATTERN, requestHash } from './request-hash';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';
/** Keys are remembered this long; a key reused later starts afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Public routes have no actor: their keys share this one. */
export const ANONYMOUS_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on POST: the first response to a key is stored in the same transaction as the
 * change it made, and a retry with the same key and body gets that response again (with
 * `Idempotent-Replayed: true`) instead of a second change. The same key with another body or on
 * another route is a 422. Concurrent duplicates: the second waits on the key's unique index until
 * the first commits, then replays it. Failed requests roll back with their key, so a retry runs
 * again. Without the header the route behaves as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly repository: IdempotencyRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
      throw AppError.validation(
        [{ path: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 printable ASCII characters without spaces' }],
        'The Idempotency-Key header is malformed.',
      );
    }
    const path = request.url.split('?')[0];
    const claim = {
      actorId: currentActorId() ?? ANONYMOUS_ACTOR_ID,
      key: header,
      requestMethod: request.method,
      requestPath: path,
      requestHash: requestHash(request.method, request.url, request.body),
      expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
    };

    return from(
      this.txHost.withTransaction(async () => {
        const result = await this.repository.claim(claim);
        if (!result.claimed) {
          const { existing } = result;
          if (existing.requestMethod !== claim.requestMethod || existing.requestPath !== claim.requestPath || existing.requestHash !== claim.requestHash) {
            throw AppError.unprocessable(
              'IDEMPOTENCY_KEY_REUSED',
              'This Idempotency-Key was already used for another request (different route or body); use a new key for a new request.',
            );
          }
          for (const [name, value] of Object.entries(existing.responseHeaders)) reply.header(name, value);
          reply.header(IDEMPOTENT_REPLAY_HEADER, 'true');
          return existing.responseBody;
        }
        const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (typeof value === 'string') headers[name] = value;
        }
        const json = body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown);
        await this.repository.complete(result.id, { status: successStatus(context), body: json, headers });
        return body;
      }),
    );
  }
}

/** The status Nest will answer with: `@HttpCode`, else 201 for POST and 200 otherwise. */
function successStatus(context: ExecutionContext): number {
  const handler = context.getHandler();
  const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  if (code) return code;
  return Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
}
