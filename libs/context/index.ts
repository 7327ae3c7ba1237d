export * from './request-context';
export * from './request-context.module';
export * from './request-id';
export * from './request-context.hook';
