import { ChangesPayload, defineEvents, payload, resourceEvents, Snapshot } from '@libs/events';

/** `crm.lead.converted`: what the lead became. The Projects context starts a project from it. */
export interface LeadConvertedV1 {
  contactId: string;
  companyId: string | null;
  /** Whether conversion created them or linked existing ones. */
  contactCreated: boolean;
  companyCreated: boolean;
  /** The lead's property at intake, for the project's building. */
  property: Snapshot;
  interests: string[];
  estimatedValueCents: number | null;
  assigneeId: string | null;
  departmentId: string | null;
  changes: ChangesPayload['changes'];
}

/** `crm.contact.merged`: `duplicateId` was merged into the event's contact (the survivor). */
export interface ContactMergedV1 extends ChangesPayload {
  duplicateId: string;
  /** The duplicate as it was, so the audit log keeps its data. */
  duplicate: Snapshot;
  movedActivities: number;
  movedLeads: number;
}

/** Created despite duplicate candidates (`allowDuplicates`): the ones the creator could see, and how many others. */
interface DuplicatesAllowed {
  duplicatesAllowed?: string[];
  otherDuplicates?: number;
}

/** A lead from a public form: which form and submission, its UTM parameters and the consent version given. */
interface FormAttribution {
  attribution?: { formId: string; formSubmissionId: string; utm: Record<string, string> | null; consentVersion: string | null };
}

/**
 * The CRM context's domain events, appended to the outbox in the transaction of the change.
 * Other contexts import them from crm/index.ts.
 */
export const CRM_EVENTS = defineEvents('crm', {
  lead: { ...resourceEvents<DuplicatesAllowed & FormAttribution & { importId?: string }>(), converted: payload<LeadConvertedV1>() },
  contact: {
    ...resourceEvents<DuplicatesAllowed & { fromLeadId?: string }>(),
    deleted: payload<ChangesPayload & { mergedIntoId?: string }>(),
    merged: payload<ContactMergedV1>(),
  },
  company: resourceEvents<{ fromLeadId?: string }>(),
  activity: resourceEvents(),
});
