export * from './database';
export * from './free-port';
export * from './test-env';
export * from './pgbouncer-tests';
export * from './server-process';
