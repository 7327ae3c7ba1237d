import { AppError, FieldError } from '@libs/http';

/** The Scheduling context's own problems; the code is the contract. */
export const SchedulingErrors = {
  /** `conflictingAppointmentId` only when the caller may read that appointment. */
  doubleBooking: (conflictingAppointmentId: string | undefined) =>
    AppError.conflict(
      'SCHEDULING_DOUBLE_BOOKING',
      conflictingAppointmentId
        ? `A consultant is already booked at this time (travel buffers included) by appointment ${conflictingAppointmentId}.`
        : 'A consultant is already booked at this time (travel buffers included).',
      conflictingAppointmentId ? { conflictingAppointmentId } : {},
    ),
  outsideWorkingHours: () =>
    AppError.unprocessable('SCHEDULING_OUTSIDE_WORKING_HOURS', 'The appointment lies outside a consultant’s working hours (or on an absence or public holiday); book it with overrideWorkingHours and the permission to do so.', [
      { path: 'startsAt', message: 'outside working hours' },
    ]),
  overrideNotPermitted: () =>
    AppError.forbidden('SCHEDULING_OVERRIDE_NOT_PERMITTED', 'Booking outside working hours needs the permission scheduling.appointments:override-hours.'),
  illegalTransition: (from: string, to: string, allowed: readonly string[]) =>
    AppError.conflict(
      'SCHEDULING_APPOINTMENT_ILLEGAL_TRANSITION',
      `An appointment cannot move from "${from}" to "${to}"` + (allowed.length ? `; it can move to: ${allowed.join(', ')}.` : '; it is final.'),
      { from, to, allowed },
    ),
  reasonRequired: () =>
    AppError.unprocessable('SCHEDULING_REASON_REQUIRED', 'Cancelling or recording a no-show needs a reason.', [{ path: 'reason', message: 'reason is required' }]),
  notChangeable: (status: string) => AppError.conflict('SCHEDULING_APPOINTMENT_CLOSED', `The appointment is "${status}" and can no longer be changed.`),
  invalid: (errors: FieldError[]) => AppError.unprocessable('SCHEDULING_INVALID', 'The request does not fit the rules of its resource; see errors.', errors),
  linkNotFound: () => AppError.notFound('SCHEDULING_LINK_NOT_FOUND', 'This appointment link does not exist.'),
  linkExpired: () => new AppError({ code: 'SCHEDULING_LINK_EXPIRED', status: 410, detail: 'This appointment link has expired or was already used; ask for a new one.' }),
  feedNotFound: () => AppError.notFound('SCHEDULING_FEED_NOT_FOUND', 'This calendar feed does not exist.'),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError({ code: 'SCHEDULING_RATE_LIMITED', status: 429, detail: `Too many requests; try again in ${retryAfterSeconds} seconds.`, extensions: { retryAfterSeconds } }),
  alternativeUnknown: () =>
    AppError.unprocessable('SCHEDULING_ALTERNATIVE_UNKNOWN', 'The link offers no alternative with this index.', [{ path: 'alternative', message: 'not an offered alternative' }]),
} as const;
