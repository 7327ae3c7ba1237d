// The Finance context's public surface: what other contexts, the app and seeds may use. Everything
// else under src/modules/finance is private (enforced by .dependency-cruiser.js).
export { FinanceModule } from './finance.module';
export { FINANCE_EVENTS } from './finance.events';
export type {
  FinalInvoiceDueV1,
  InvoiceCancelledV1,
  InvoiceFinalizedV1,
  InvoiceOverdueV1,
  InvoicePaidV1,
  InvoiceSentV1,
  QuoteAcceptedV1,
  QuoteExpiredV1,
  QuoteRejectedV1,
  QuoteSentV1,
} from './finance.events';
export { financePermissions } from './finance.permissions';
export type { FinancePermission } from './finance.permissions';
export { FinanceQueries } from './finance.queries';
export type { QuoteResponseDto as FinanceQuote } from './quotes/quote.dto';
