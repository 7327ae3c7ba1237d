export * from './cursor';
export * from './page';
export * from './page-query.dto';
export * from './filters';
export * from './keyset';
export * from './list-query.dto';
export * from './sort';
