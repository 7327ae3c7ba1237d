import { AppError, type FieldError } from '@libs/http';

/** Problems of the e-invoice export (a 422 listing what the invoice document lacks). */
export const EInvoiceErrors = {
  dataIncomplete: (errors: FieldError[]) =>
    AppError.unprocessable(
      'FINANCE_EINVOICE_DATA_INCOMPLETE',
      'The invoice cannot be issued as an e-invoice: required EN 16931 / XRechnung data is missing or inconsistent.',
      errors,
    ),
};
