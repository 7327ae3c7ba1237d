import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyRetention } from './idempotency-retention';

/** Import into a context module whose controllers use `@Idempotent()`. Needs DbModule (global). */
@Module({
  providers: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyRetention],
  exports: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyRetention],
})
export class IdempotencyModule {}
