import { AppError, FieldError } from '@libs/http';

/**
 * The finance context's own problems (not-found, not-deleted and reference problems come from the
 * resource kit: `FINANCE_<RESOURCE>_NOT_FOUND`, `REFERENCE_NOT_FOUND`). The code is the contract.
 */
export const FinanceErrors = {
  invalid: (errors: FieldError[]) => AppError.validation(errors),
  settingsMissing: () =>
    AppError.unprocessable('FINANCE_SETTINGS_MISSING', 'The organisation settings (legal name, address, tax number or VAT ID, bank) are not set up yet; an administrator sets them first.'),
  duplicateSku: () => AppError.conflict('FINANCE_PRODUCT_SKU_TAKEN', 'Another product already has this SKU.', {}),
  invalidIban: () => AppError.validation([{ path: 'iban', message: 'iban must be a valid IBAN (checksum and country format)' }]),
  invalidBic: () => AppError.validation([{ path: 'bic', message: 'bic must be a valid BIC (8 or 11 characters)' }]),
  noVatRate: (category: string, date: string) =>
    AppError.unprocessable('FINANCE_VAT_RATE_MISSING', `No VAT rate of category "${category}" is valid on ${date}; seed the rate before invoicing.`),
  invoiceNotDraft: (id: string, status: string) =>
    AppError.conflict('FINANCE_INVOICE_NOT_DRAFT', `The invoice ${id} is "${status}"; only drafts can be changed or deleted — correct a finalised invoice by cancelling it and issuing a new one.`),
  invoiceNotFinalised: (id: string, status: string) =>
    AppError.conflict('FINANCE_INVOICE_NOT_FINALISED', `The invoice ${id} is "${status}"; this needs a finalised invoice.`),
  invoiceIncomplete: (errors: FieldError[]) =>
    AppError.unprocessable('FINANCE_INVOICE_INCOMPLETE', 'The invoice lacks content §14(4) UStG requires; see errors for what is missing.', errors),
  invoiceNotCancellable: (id: string, status: string) =>
    AppError.conflict('FINANCE_INVOICE_NOT_CANCELLABLE', `The invoice ${id} is "${status}"; only finalised invoices that are not cancellations and not yet cancelled can be cancelled.`),
  paymentOnUnfinalisedInvoice: (id: string, status: string) =>
    AppError.conflict('FINANCE_PAYMENT_INVOICE_NOT_OPEN', `The invoice ${id} is "${status}"; payments are recorded against finalised, not cancelled invoices.`),
  eInvoiceForConsumer: (id: string) =>
    AppError.unprocessable('FINANCE_EINVOICE_B2C', `The invoice ${id} is addressed to a private person; e-invoices (XRechnung, Factur-X) are for businesses — use the PDF.`),
  dateRangeTooLong: (maxDays: number) => AppError.validation([{ path: 'to', message: `the period may span at most ${maxDays} days` }]),
} as const;
