import { AppError, FieldError } from '@libs/http';
import type { DuplicateMatches } from './shared/duplicates.repository';

/**
 * The CRM context's own problems (not-found, not-deleted and reference problems come from the
 * resource kit: `CRM_<RESOURCE>_NOT_FOUND`, `REFERENCE_NOT_FOUND`). The code is the contract
 * (clients switch on it), the detail is for humans.
 */
export const CrmErrors = {
  illegalTransition: (from: string, to: string, allowed: readonly string[]) =>
    AppError.conflict(
      'CRM_LEAD_ILLEGAL_TRANSITION',
      `A lead cannot move from "${from}" to "${to}"` + (allowed.length ? `; from "${from}" it can move to: ${allowed.join(', ')}.` : '; it is final.'),
    ),
  convertViaEndpoint: () =>
    AppError.conflict('CRM_LEAD_ILLEGAL_TRANSITION', 'A lead becomes "converted" only through POST /leads/{id}/convert.'),
  lostReasonRequired: () =>
    AppError.unprocessable('CRM_LEAD_LOST_REASON_REQUIRED', 'A lead marked lost needs a lostReason.', [
      { path: 'lostReason', message: 'lostReason is required when status is lost' },
    ]),
  leadConverted: (id: string) =>
    AppError.conflict('CRM_LEAD_CONVERTED', `The lead ${id} is converted; it can no longer be changed (edit its contact or company instead).`),
  leadNotConvertible: (id: string, status: string) =>
    AppError.conflict('CRM_LEAD_NOT_CONVERTIBLE', `The lead ${id} is "${status}"; only qualified leads can be converted.`),
  leadIncomplete: (errors: FieldError[]) =>
    AppError.unprocessable('CRM_LEAD_INCOMPLETE', 'The lead lacks data needed to create its contact; add it or link an existing contact.', errors),
  /** 409 naming the candidates the actor may read and counting the others (never their ids). */
  duplicates: (resource: 'lead' | 'contact', matches: DuplicateMatches) =>
    AppError.conflict(
      'CRM_DUPLICATE_CANDIDATES',
      `Possible duplicate ${resource}: ${matches.visible.length + matches.hidden} existing record(s) share its e-mail or phone` +
        (matches.hidden > 0 ? ` (${matches.hidden} of them outside what you may see)` : '') +
        '. Review `duplicates`, then resend with "allowDuplicates": true to create it anyway.',
      { duplicates: matches.visible, otherDuplicates: matches.hidden },
    ),
  contactMerged: (id: string, survivorId: string | null) =>
    AppError.conflict('CRM_CONTACT_MERGED', `The contact ${id} was merged into ${survivorId ?? 'another contact'} and cannot be changed or restored.`),
  mergeIntoSelf: () => AppError.unprocessable('CRM_CONTACT_MERGE_SELF', 'A contact cannot be merged into itself.'),
  activitySubjectRequired: () =>
    AppError.validation([{ path: 'leadId', message: 'an activity needs at least one of leadId, contactId, companyId' }]),
} as const;
