import type { LocalizedText } from '@libs/shared';

/**
 * What a workflow does, as stored (jsonb) and as the API shows it. Plain data: conditions are
 * evaluated by `conditions.rules.ts`, actions by the engine's action handlers; nothing is ever
 * executed as code.
 */

export const CONDITION_OPERATORS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'exists', 'notExists', 'contains', 'startsWith'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export type JsonScalar = string | number | boolean | null;

/** One test on the triggering event: `payload.snapshot.source eq "website_form"`. All conditions of a workflow must hold. */
export interface Condition {
  /** Dot path into the event: `payload.…`, `aggregateId`, `aggregateType`, `actorId`. */
  path: string;
  op: ConditionOperator;
  /** A scalar, or a list of scalars for `in`/`notIn`; absent for `exists`/`notExists`. */
  value?: JsonScalar | JsonScalar[];
}

export const ACTION_TYPES = ['send_email', 'call_webhook', 'create_activity', 'update_field', 'wait'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const RECIPIENT_KINDS = ['lead', 'contact', 'assignee', 'fixed'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/**
 * Who gets an e-mail: the lead or contact whose id is at `path` of the event (their address and
 * preferred language), the user whose id is at `path` (an assignee), or a fixed address.
 */
export interface Recipient {
  kind: RecipientKind;
  /** Event path of the lead / contact / user id (default: `aggregateId` for lead and contact, `payload.snapshot.assigneeId` for assignee). */
  path?: string;
  /** `fixed` only. */
  address?: string;
  /** `fixed` only: the language of the mail (default de). */
  language?: 'de' | 'en';
}

/** A mail in both languages; `{{ … }}` placeholders (Liquid, HTML-escaped) read the event and the recipient. */
export interface EmailTemplate {
  subject: LocalizedText;
  body: LocalizedText;
}

export interface SendEmailAction {
  type: 'send_email';
  recipient: Recipient;
  template: EmailTemplate;
}

/** HTTPS POST of the event, signed: `X-Renewa-Signature: sha256=<hex hmac of "<timestamp>.<body>">`. */
export interface CallWebhookAction {
  type: 'call_webhook';
  url: string;
}

/** As stored: the secret encrypted with AUTOMATION_SECRET_KEY (never returned by the API). */
export interface StoredWebhookAction extends CallWebhookAction {
  secretCiphertext: string;
}

export const ACTIVITY_SUBJECT_KINDS = ['lead', 'contact', 'company'] as const;
export type ActivitySubjectKind = (typeof ACTIVITY_SUBJECT_KINDS)[number];

/** An activity on the CRM timeline of the lead / contact / company whose id is at `subjectPath`. */
export interface CreateActivityAction {
  type: 'create_activity';
  activityType: 'note' | 'call' | 'email' | 'meeting';
  subjectKind: ActivitySubjectKind;
  /** Default `aggregateId`. */
  subjectPath?: string;
  /** Liquid template like the e-mail's, in German (the CRM's working language). */
  subject: string;
  body?: string;
  /** The user the activity belongs to (e.g. the back office colleague who should follow up). */
  ownerId?: string;
}

/** Sets one field of a record through its context's facade; only the fields that context allows. */
export interface UpdateFieldAction {
  type: 'update_field';
  entity: 'lead';
  /** Default `aggregateId`. */
  idPath?: string;
  field: string;
  /** A fixed value, or `valuePath` to copy one from the event. */
  value?: JsonScalar;
  valuePath?: string;
}

/** Pauses the run: for `seconds`, or until the instant at `untilPath` shifted by `offsetSeconds` (negative: before). */
export interface WaitAction {
  type: 'wait';
  seconds?: number;
  untilPath?: string;
  offsetSeconds?: number;
}

export type WorkflowAction = SendEmailAction | CallWebhookAction | CreateActivityAction | UpdateFieldAction | WaitAction;
export type StoredAction = SendEmailAction | StoredWebhookAction | CreateActivityAction | UpdateFieldAction | WaitAction;

/** The event a workflow sees (the outbox event without delivery details). */
export interface TriggerEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  actorId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** `payload.snapshot.email`, `aggregateId`: what a condition or an action may read. */
export const EVENT_PATH = /^(aggregateId|aggregateType|actorId|occurredAt|type|payload(\.[A-Za-z0-9_]{1,100}){0,10})$/;
