import type { RetryPolicy } from './backoff';

export interface RelayOptions {
  /** Start the polling loop with the app (tests leave it off and call `drainOutbox`). */
  autoStart: boolean;
  /** Idle poll interval; commits in this instance wake the relay at once. */
  pollMs: number;
  /** Deliveries claimed and delivered per transaction. */
  batchSize: number;
}

export interface RetentionOptions {
  /** Delivered events older than this many days are deleted (OutboxRetention). */
  days: number;
}

export interface EventsModuleOptions {
  relay?: Partial<RelayOptions>;
  retry?: Partial<RetryPolicy>;
  retention?: Partial<RetentionOptions>;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = { autoStart: false, pollMs: 1000, batchSize: 100 };
export const DEFAULT_RETENTION_OPTIONS: RetentionOptions = { days: 30 };

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

export interface ResolvedEventsOptions {
  relay: RelayOptions;
  retry: RetryPolicy;
  retention: RetentionOptions;
}
