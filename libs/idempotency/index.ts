export * from './idempotency-keys.schema';
export * from './idempotency.interceptor';
export * from './idempotency.module';
export * from './idempotency.repository';
export * from './idempotency-retention';
export * from './idempotent.decorator';
export * from './request-hash';
export * from './secret-responses';
