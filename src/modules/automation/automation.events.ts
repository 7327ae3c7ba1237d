import { defineEvents, payload, resourceEvents } from '@libs/events';

/** `automation.form.submitted`: an accepted submission of a public form (aggregate: the form). */
export interface FormSubmittedV1 {
  submissionId: string;
  formSlug: string;
  formVersion: number;
  kind: 'lead' | 'general';
  /** The visitor's language. */
  language: 'de' | 'en';
  /** The answers by field key (consent and honeypot excluded). */
  answers: Record<string, unknown>;
  utm: Record<string, string> | null;
  consentVersion: string | null;
  /** Lead forms: the lead created, or the existing lead the submission was recognised as. */
  leadId: string | null;
  /** Lead forms: the existing contact the submission was recognised as (no lead created). */
  contactId: string | null;
  leadCreated: boolean;
}

/** A run was retried or cancelled by a user (aggregate: the run). */
export interface WorkflowRunActionV1 {
  workflowId: string;
  eventId: string;
  /** For a retry: the step that runs again. */
  position?: number;
}

/**
 * The automation context's domain events. Runs and their steps are not events themselves (they
 * would trigger workflows in turn); what users do to them is.
 */
export const AUTOMATION_EVENTS = defineEvents('automation', {
  workflow: resourceEvents(),
  form: { ...resourceEvents(), submitted: payload<FormSubmittedV1>() },
  workflowRun: { retried: payload<WorkflowRunActionV1>(), cancelled: payload<WorkflowRunActionV1>() },
});
