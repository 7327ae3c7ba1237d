import { AppError, FieldError } from '@libs/http';

/** A record that may be a duplicate of the one being created (409 `duplicates` extension). */
export interface DuplicateCandidate {
  type: 'lead' | 'contact';
  id: string;
  /** Which normalised keys matched: `email`, `phone`. */
  matchedOn: ('email' | 'phone')[];
}

type CrmResource = 'lead' | 'contact' | 'company' | 'activity';

const RESOURCE_CODE: Record<CrmResource, string> = { lead: 'LEAD', contact: 'CONTACT', company: 'COMPANY', activity: 'ACTIVITY' };

/**
 * Every error the CRM context answers with. The code is the contract (clients switch on it), the
 * detail is for humans. Not-found also covers rows outside the actor's scope: existence is not
 * revealed.
 */
export const CrmErrors = {
  notFound: (resource: CrmResource, id: string) =>
    AppError.notFound(`CRM_${RESOURCE_CODE[resource]}_NOT_FOUND`, `The ${resource} ${id} does not exist or is not visible to you.`),
  notDeleted: (resource: CrmResource, id: string) =>
    AppError.conflict(`CRM_${RESOURCE_CODE[resource]}_NOT_DELETED`, `The ${resource} ${id} is not deleted; there is nothing to restore.`),
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
  duplicates: (resource: 'lead' | 'contact', candidates: DuplicateCandidate[]) =>
    AppError.conflict(
      'CRM_DUPLICATE_CANDIDATES',
      `Possible duplicate ${resource}: ${candidates.length} existing record(s) share its e-mail or phone. ` +
        'Review `duplicates`, then resend with "allowDuplicates": true to create it anyway.',
      { duplicates: candidates },
    ),
  contactMerged: (id: string, survivorId: string | null) =>
    AppError.conflict('CRM_CONTACT_MERGED', `The contact ${id} was merged into ${survivorId ?? 'another contact'} and cannot be changed or restored.`),
  mergeIntoSelf: () => AppError.unprocessable('CRM_CONTACT_MERGE_SELF', 'A contact cannot be merged into itself.'),
  referenceNotFound: (path: string, what: string) =>
    AppError.unprocessable('CRM_REFERENCE_NOT_FOUND', `The ${what} does not exist or is not visible to you.`, [{ path, message: `${path} must reference an existing ${what}` }]),
  outOfScope: (path: string) =>
    AppError.forbidden('CRM_OUT_OF_SCOPE', `Your permission's scope does not cover the ${path} you set.`),
  activitySubjectRequired: () =>
    AppError.validation([{ path: 'leadId', message: 'an activity needs at least one of leadId, contactId, companyId' }]),
} as const;
