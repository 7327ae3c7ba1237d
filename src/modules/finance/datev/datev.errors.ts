import { AppError, type FieldError } from '@libs/http';

/** Problems of the DATEV export (a 422 listing what to fix: settings, period or bookings). */
export const DatevErrors = {
  exportInvalid: (errors: FieldError[]) =>
    AppError.unprocessable('FINANCE_DATEV_EXPORT_INVALID', 'The DATEV export cannot be built; see errors for what to fix (settings, period or bookings).', errors.slice(0, 100)),
};
