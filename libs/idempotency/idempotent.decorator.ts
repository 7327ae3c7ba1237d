import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblemResponses } from '@libs/http';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Makes a POST safe to retry: `Idempotency-Key` (optional header) replays the first response
 * instead of acting twice. Put it on the handler; the module must import IdempotencyModule.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique key per intended change (e.g. a UUID). Retrying with the same key and body returns the first response ' +
        '(header Idempotent-Replayed: true) instead of changing anything twice; the same key with another body is a 422. ' +
        'Keys are kept for 24 hours per user.',
      schema: { type: 'string', maxLength: 255 },
    }),
    ApiProblemResponses(422),
  );
}
