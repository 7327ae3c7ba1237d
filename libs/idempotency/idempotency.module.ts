import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyRetention } from './idempotency-retention';
import { IdempotentSecretsCheck } from './secret-responses';

/**
 * Import into a context module whose controllers use `@Idempotent()`. Needs DbModule (global).
 * At boot it refuses `@Idempotent()` routes whose response carries a `@SecretProperty()`.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyRetention, IdempotentSecretsCheck],
  exports: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyRetention],
})
export class IdempotencyModule {}
