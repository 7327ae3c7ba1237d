import { auditedPick, pick } from '@libs/resource';
import type { FormDefinition } from './form-definition';
import type { FormResponseDto, FormSubmissionDto } from './form.dto';
import type { Form, FormSubmission } from './forms.schema';

export const FORM_AUDITED_FIELDS = ['slug', 'name', 'kind', 'fields', 'consent', 'confirmation', 'settings', 'enabled'] as const satisfies readonly (keyof Form)[];

export function toFormResponse(form: Form): FormResponseDto {
  return auditedPick(form, FORM_AUDITED_FIELDS) as FormResponseDto;
}

/** The version snapshot of a form row: what submissions of this version are validated against. */
export function definitionOf(form: Pick<Form, 'kind' | 'fields' | 'consent' | 'confirmation' | 'settings'>): FormDefinition {
  return { kind: form.kind, fields: form.fields, consent: form.consent, confirmation: form.confirmation, settings: form.settings };
}

export function toSubmissionDto(row: FormSubmission): FormSubmissionDto {
  return pick(row, [
    'id', 'formId', 'formVersion', 'status', 'rejectionReason', 'errors', 'answers', 'utm', 'consent', 'language', 'clientIp', 'leadId', 'contactId', 'leadCreated', 'createdAt',
  ]) as FormSubmissionDto;
}
