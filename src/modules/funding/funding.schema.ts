// The funding context's tables (one re-export in src/db/schema.ts).
export * from './programs/funding-programs.schema';
export * from './calculator/funding-calculations.schema';
export * from './applications/funding-applications.schema';
export * from './contracts/funding-contracts.schema';
