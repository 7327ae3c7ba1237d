/**
 * The audit context publishes no domain events: it consumes every event of every context (its
 * subscriber is `audit.log`, types `*`) and writes one audit row per event. Other contexts declare
 * theirs in `<ctx>.events.ts` (see docs/events-and-audit.md, "Event catalogue").
 */
export const AUDIT_EVENTS = {} as const;

/** Delivery rows of the audit log carry this subscriber name (dead letters, replays). */
export const AUDIT_SUBSCRIBER_NAME = 'audit.log';
