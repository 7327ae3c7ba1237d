// The single schema entry point: every context's tables, re-exported. drizzle-kit, the migration
// generator and the schema-drift test read this file.
export * from './seed-markers.schema';
