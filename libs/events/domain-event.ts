/** What a service hands to `EventOutbox.append`. */
export interface DomainEventInput<P extends object = Record<string, unknown>> {
  /** `<ctx>.<aggregate>.<past-tense>`, e.g. `auth.user.created`. */
  type: string;
  /** `user` */
  aggregateType: string;
  /** uuid of the aggregate */
  aggregateId: string;
  /**
   * JSON. Updates carry `changes: { [field]: { before, after } }` (see `fieldChanges`); creates may
   * carry `snapshot`. Never secrets: payloads are kept and copied into the audit log.
   */
  payload: P;
  /** Payload schema version, default 1. */
  version?: number;
}

/** An event as stored in the outbox and handed to subscribers. */
export interface DomainEvent<P = Record<string, unknown>> extends Required<DomainEventInput<P & object>> {
  id: string;
  actorId: string | null;
  requestId: string | null;
  /** The event whose delivery caused this one (set when a subscriber appends). */
  causationId: string | null;
  clientIp: string | null;
  occurredAt: Date;
}

/** A field's value before and after an update, as events and audit rows carry it. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

export type FieldChanges = Record<string, FieldChange>;

/** Payload shape of update events. */
export interface ChangesPayload {
  changes: FieldChanges;
}

/** Payload shape of create events that record the new state. */
export interface SnapshotPayload<T extends object = Record<string, unknown>> {
  snapshot: T;
}

/** `<ctx>.<aggregate>.<past-tense>`, lower case; aggregate and event names in snake_case (`status_changed`). */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*$/;

/**
 * The listed fields whose value differs between `before` and `after`, as `{ before, after }`.
 * Dates compare by time, arrays and objects by content; `undefined` is recorded as null (JSON).
 * List only fields that may be shown in the audit log: never password hashes or tokens.
 */
export function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (!sameValue(a, b)) changes[String(field)] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
