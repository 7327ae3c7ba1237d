export * from './invoice-document';
export * from './einvoice.service';
export * from './einvoice.errors';
export { eInvoiceDataProblems, centsToAmount } from './einvoice-data.rules';
