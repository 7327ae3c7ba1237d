import type { ChangesPayload } from '@libs/events';

/**
 * The CRM context's domain events (`<ctx>.<aggregate>.<past-tense>`), appended to the outbox in the
 * transaction of the change. Payload types are version 1; a breaking change adds a version, it
 * never changes these. Other contexts import them from crm/index.ts.
 */
export const CRM_EVENTS = {
  leadCreated: 'crm.lead.created',
  leadUpdated: 'crm.lead.updated',
  leadDeleted: 'crm.lead.deleted',
  leadRestored: 'crm.lead.restored',
  leadConverted: 'crm.lead.converted',
  contactCreated: 'crm.contact.created',
  contactUpdated: 'crm.contact.updated',
  contactDeleted: 'crm.contact.deleted',
  contactRestored: 'crm.contact.restored',
  contactMerged: 'crm.contact.merged',
  companyCreated: 'crm.company.created',
  companyUpdated: 'crm.company.updated',
  companyDeleted: 'crm.company.deleted',
  companyRestored: 'crm.company.restored',
  activityCreated: 'crm.activity.created',
  activityUpdated: 'crm.activity.updated',
  activityDeleted: 'crm.activity.deleted',
  activityRestored: 'crm.activity.restored',
} as const;

export type CrmEventType = (typeof CRM_EVENTS)[keyof typeof CRM_EVENTS];

export const CRM_AGGREGATES = { lead: 'lead', contact: 'contact', company: 'company', activity: 'activity' } as const;
export type CrmAggregate = (typeof CRM_AGGREGATES)[keyof typeof CRM_AGGREGATES];

/** A record's fields as the audit log shows them (JSON: dates as ISO strings). */
export type Snapshot = Record<string, unknown>;

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

/** Payload of each event type (version 1). */
export interface CrmEventPayloads {
  'crm.lead.created': { snapshot: Snapshot; duplicatesAllowed?: string[]; importId?: string };
  'crm.lead.updated': ChangesPayload;
  'crm.lead.deleted': ChangesPayload;
  'crm.lead.restored': ChangesPayload;
  'crm.lead.converted': LeadConvertedV1;
  'crm.contact.created': { snapshot: Snapshot; duplicatesAllowed?: string[]; fromLeadId?: string };
  'crm.contact.updated': ChangesPayload;
  'crm.contact.deleted': ChangesPayload & { mergedIntoId?: string };
  'crm.contact.restored': ChangesPayload;
  'crm.contact.merged': ContactMergedV1;
  'crm.company.created': { snapshot: Snapshot; fromLeadId?: string };
  'crm.company.updated': ChangesPayload;
  'crm.company.deleted': ChangesPayload;
  'crm.company.restored': ChangesPayload;
  'crm.activity.created': { snapshot: Snapshot };
  'crm.activity.updated': ChangesPayload;
  'crm.activity.deleted': ChangesPayload;
  'crm.activity.restored': ChangesPayload;
}

export interface CrmEvent<T extends CrmEventType = CrmEventType> {
  type: T;
  aggregateType: CrmAggregate;
  aggregateId: string;
  payload: CrmEventPayloads[T];
}

/** A typed event for `EventOutbox.append`: the payload must match the type. */
export function crmEvent<T extends CrmEventType>(type: T, aggregateType: CrmAggregate, aggregateId: string, payload: CrmEventPayloads[T]): CrmEvent<T> {
  return { type, aggregateType, aggregateId, payload };
}

/** The changes payload of a soft delete or restore. */
export function deletionChanges(before: Date | null, after: Date | null): ChangesPayload {
  return { changes: { deletedAt: { before: before?.toISOString() ?? null, after: after?.toISOString() ?? null } } };
}
