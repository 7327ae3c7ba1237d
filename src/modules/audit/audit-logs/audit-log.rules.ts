import type { FieldChanges } from '@libs/events';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFieldChange = (value: unknown): boolean => isRecord(value) && 'before' in value && 'after' in value;

/**
 * The changed fields an audit row records for an event: the payload's `changes` (updates), or for
 * events that carry a `snapshot` (creates, deletes), every snapshot field as a change from or to
 * nothing depending on the verb; null when the payload has neither. The result is plain JSON
 * (dates as ISO strings), exactly what jsonb will hand back, so the row's hash is reproducible.
 */
export function changesFromEvent(type: string, payload: Record<string, unknown>): FieldChanges | null {
  const { changes, snapshot } = payload;
  if (isRecord(changes) && Object.values(changes).every(isFieldChange)) {
    const fields = Object.entries(changes as Record<string, { before: unknown; after: unknown }>);
    return Object.fromEntries(fields.map(([field, { before, after }]) => [field, { before: toJson(before), after: toJson(after) }]));
  }
  if (isRecord(snapshot)) {
    const removed = /\.(deleted|removed|archived)$/.test(type);
    const fields = Object.entries(toJson(snapshot) as Record<string, unknown>);
    return Object.fromEntries(fields.map(([field, value]) => [field, removed ? { before: value, after: null } : { before: null, after: value }]));
  }
  return null;
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
