export * from './scheduled-check';
export * from './scheduled-check-runs.schema';
export * from './scheduled-checks.module';
export * from './scheduled-checks.runner';
