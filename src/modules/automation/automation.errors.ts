import { AppError, FieldError } from '@libs/http';

/** The automation context's own problems (not-found and references come from the resource kit). */
export const AutomationErrors = {
  unknownEventType: (type: string) =>
    AppError.unprocessable('AUTOMATION_UNKNOWN_EVENT_TYPE', `"${type}" is not an event type of the catalogue (GET /automation/event-types).`, [
      { path: 'triggerEventType', message: 'triggerEventType must be an event type of the catalogue' },
    ]),
  invalidDefinition: (errors: FieldError[]) =>
    AppError.unprocessable('AUTOMATION_WORKFLOW_INVALID', 'The workflow definition is not valid; see errors.', errors),
  runNotFound: (id: string) => AppError.notFound('AUTOMATION_RUN_NOT_FOUND', `The workflow run ${id} does not exist.`),
  runNotRetryable: (id: string, status: string) =>
    AppError.conflict('AUTOMATION_RUN_NOT_RETRYABLE', `The workflow run ${id} is ${status}; only failed runs can be retried.`),
  runFinished: (id: string, status: string) =>
    AppError.conflict('AUTOMATION_RUN_FINISHED', `The workflow run ${id} is ${status} already; only running runs can be cancelled.`),
  invalidForm: (errors: FieldError[]) => AppError.unprocessable('AUTOMATION_FORM_INVALID', 'The form definition is not valid; see errors.', errors),
  slugTaken: () => AppError.conflict('AUTOMATION_FORM_SLUG_TAKEN', 'Another form already uses this slug.'),
  publicFormNotFound: (slug: string) => AppError.notFound('AUTOMATION_FORM_NOT_FOUND', `There is no open form "${slug}".`),
  submissionInvalid: (errors: FieldError[]) =>
    AppError.unprocessable('AUTOMATION_SUBMISSION_INVALID', 'Some answers are missing or invalid; see errors.', errors),
  submissionTokenInvalid: () =>
    AppError.unprocessable('AUTOMATION_SUBMISSION_TOKEN_INVALID', 'The form token is invalid or expired; load the form again and resend.', [
      { path: 'formToken', message: 'formToken must be the token of a recent GET /public/forms/{slug}' },
    ]),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError({
      code: 'AUTOMATION_SUBMISSION_RATE_LIMITED',
      status: 429,
      detail: `Too many submissions; try again in ${retryAfterSeconds} seconds.`,
      extensions: { retryAfterSeconds },
    }),
} as const;
