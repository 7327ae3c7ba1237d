export * from './current-grant';
export * from './grant-rules';
export * from './permissions';
export * from './require-permission.decorator';
export * from './route-permissions';
export * from './scope';
export * from './scope-condition';
export * from './department-scope';
