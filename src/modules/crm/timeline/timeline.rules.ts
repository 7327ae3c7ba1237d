/**
 * A timeline merges two sources newest first: activities (by occurred_at) and audit entries (by
 * the time their event occurred). Total order: (occurredAt desc, kind desc, id desc), with
 * `change` > `activity` at the same instant. Each source is queried for the rows after the
 * cursor's position in that order, `limit + 1` each, and merged here.
 */
export type TimelineKind = 'activity' | 'change';

export interface TimelinePosition {
  /** ISO 8601 with microseconds, UTC (`2026-11-26T10:00:00.123456Z`): exact, unlike a JS Date. */
  occurredAt: string;
  kind: TimelineKind;
  id: string;
}

export interface TimelineEntry<T> {
  position: TimelinePosition;
  value: T;
}

/** Newest first: negative when `a` comes before `b`. ISO strings of one format compare as text. */
export function compareDesc(a: TimelinePosition, b: TimelinePosition): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt > b.occurredAt ? -1 : 1;
  if (a.kind !== b.kind) return a.kind > b.kind ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/**
 * What a source of `kind` must return to continue after `cursor` in the total order: for the
 * cursor's own kind `(occurredAt, id) < (t, id)`; for activities after a change `occurredAt <= t`
 * (at one instant activities follow changes); for changes after an activity `occurredAt < t`.
 */
export function boundFor(kind: TimelineKind, cursor: TimelinePosition | undefined): { occurredAt: string; id?: string; inclusive: boolean } | undefined {
  if (!cursor) return undefined;
  if (kind === cursor.kind) return { occurredAt: cursor.occurredAt, id: cursor.id, inclusive: false };
  // Same instant: `change` rows come before `activity` rows.
  return { occurredAt: cursor.occurredAt, inclusive: kind === 'activity' };
}

/** The first `limit` entries of both (each sorted newest first), and the position to continue from. */
export function mergeTimeline<A, C>(
  activities: TimelineEntry<A>[],
  changes: TimelineEntry<C>[],
  limit: number,
): { items: (TimelineEntry<A> | TimelineEntry<C>)[]; next: TimelinePosition | null } {
  const merged = [...activities, ...changes].sort((a, b) => compareDesc(a.position, b.position));
  const items = merged.slice(0, limit);
  return { items, next: merged.length > limit ? items[items.length - 1].position : null };
}

/** The subjects whose timeline an activity query covers: a lead, contacts (a survivor and its merged duplicates), a company. */
export interface TimelineSubject {
  leadIds?: string[];
  contactIds?: string[];
  companyIds?: string[];
}

/** Rows strictly after a timeline cursor, as `boundFor` computes it. */
export type TimelineBound = NonNullable<ReturnType<typeof boundFor>>;
