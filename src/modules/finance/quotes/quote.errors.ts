import { AppError, FieldError } from '@libs/http';

/** The problems of quotes (not-found and reference problems come from the resource kit: `FINANCE_QUOTE_NOT_FOUND`). */
export const QuoteErrors = {
  invalidLines: (errors: FieldError[]) => AppError.unprocessable('FINANCE_QUOTE_INVALID', 'The quote does not fit the rules of its lines; see errors.', errors),
  illegalTransition: (number: string, from: string, to: string, allowed: readonly string[]) =>
    AppError.conflict(
      'FINANCE_QUOTE_ILLEGAL_TRANSITION',
      `The quote ${number} is "${from}" and cannot become "${to}"` + (allowed.length ? `; it can become: ${allowed.join(', ')}.` : '.'),
      { from, to, allowed },
    ),
  accepted: (number: string) =>
    AppError.conflict('FINANCE_QUOTE_ACCEPTED', `The quote ${number} is accepted: it is the contract and cannot change. Create a new quote for further work.`),
  notDeletable: (number: string, status: string) =>
    AppError.conflict('FINANCE_QUOTE_NOT_DELETABLE', `The quote ${number} is "${status}"; only a quote never sent can be deleted (its number stays taken).`),
  notSendable: (errors: FieldError[]) =>
    AppError.unprocessable('FINANCE_QUOTE_NOT_SENDABLE', 'The quote cannot be sent yet; see errors.', errors),
  acceptanceTime: (error: 'in_future' | 'before_sent' | 'after_validity', validUntil: string) =>
    AppError.unprocessable(
      'FINANCE_QUOTE_ACCEPTANCE_TIME',
      error === 'after_validity'
        ? `The quote was valid until ${validUntil}; a later acceptance is a new offer — change the quote (a new version) and send it again.`
        : 'acceptedAt must lie between sending the quote and now.',
      [{ path: 'acceptedAt', message: error === 'in_future' ? 'acceptedAt is in the future' : error === 'before_sent' ? 'acceptedAt is before the quote was sent' : `acceptedAt is after the validity date ${validUntil}` }],
    ),
  productInactive: (index: number) =>
    AppError.unprocessable('FINANCE_QUOTE_INVALID', 'A line names a product that is not active.', [{ path: `lines[${index}].productId`, message: 'the product is inactive' }]),
  validUntilPast: () =>
    AppError.unprocessable('FINANCE_QUOTE_INVALID', 'The validity date lies in the past.', [{ path: 'validUntil', message: 'validUntil must be today or later' }]),
} as const;
