// The finance context's tables, re-exported once from src/db/schema.ts.
export * from './shared/finance-enums.schema';
export * from './settings/finance-settings.schema';
export * from './vat-rates/vat-rates.schema';
export * from './products/products.schema';
export * from './quotes/quotes.schema';
export * from './invoices/invoices.schema';
export * from './payments/payments.schema';
