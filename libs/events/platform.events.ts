// Events the platform itself publishes (the per-context catalogue pattern, for libs/events).

export const PLATFORM_EVENTS = {
  deadLetterReplayed: 'platform.dead-letter.replayed',
} as const;

export type PlatformEventType = (typeof PLATFORM_EVENTS)[keyof typeof PLATFORM_EVENTS];

/** An administrator put a dead delivery back in the queue. Aggregate: the delivery (`event-delivery`). */
export interface DeadLetterReplayedV1 {
  eventId: string;
  eventType: string;
  subscriber: string;
  /** Attempts made before it was dead-lettered. */
  attempts: number;
  lastError: string | null;
}
