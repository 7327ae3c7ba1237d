import type { ChangesPayload, DomainEventInput, SnapshotPayload } from './domain-event';

/** Marks the payload type of one event in `defineEvents` (a type carrier: nothing at runtime). */
export interface PayloadOf<P extends object> {
  readonly __payload?: P;
}

export function payload<P extends object>(): PayloadOf<P> {
  return {};
}

/** A declared event: `EVENT(aggregateId, payload)` builds the input for `EventOutbox.append`. */
export interface EventDefinition<P extends object = Record<string, unknown>, T extends string = string> {
  (aggregateId: string, payload: P): DomainEventInput<P> & { type: T };
  readonly type: T;
  readonly aggregateType: string;
}

/** The payload type of a declared event: `EventPayload<typeof CRM_EVENTS.lead.converted>`. */
export type EventPayload<E> = E extends EventDefinition<infer P> ? P : never;

/** A record's audited fields as the audit log shows them (JSON: dates as ISO strings). */
export type Snapshot = Record<string, unknown>;

/**
 * The four events of a resource with soft delete: `created` (a snapshot of the audited fields, plus
 * `Extra`), `updated` / `deleted` / `restored` (the changed fields, before and after).
 */
export function resourceEvents<Extra extends object = object>() {
  return {
    created: payload<SnapshotPayload<Snapshot> & Extra>(),
    updated: payload<ChangesPayload>(),
    deleted: payload<ChangesPayload>(),
    restored: payload<ChangesPayload>(),
  };
}

type Declarations = Record<string, Record<string, PayloadOf<object>>>;

type SnakeCase<S extends string> = S extends `${infer H}${infer R}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<R>}` : S;

export type DefinedEvents<C extends string, D extends Declarations> = {
  readonly [A in keyof D & string]: {
    readonly [E in keyof D[A] & string]: EventDefinition<
      D[A][E] extends PayloadOf<infer P> ? P : never,
      `${C}.${SnakeCase<A>}.${SnakeCase<E>}`
    >;
  };
};

/**
 * A context's domain events, grouped by aggregate, with typed constructors:
 *
 *   export const CRM_EVENTS = defineEvents('crm', {
 *     lead: { ...resourceEvents<{ importId?: string }>(), converted: payload<LeadConvertedV1>() },
 *   });
 *   await outbox.append(CRM_EVENTS.lead.converted(lead.id, { … }));   // type 'crm.lead.converted'
 *   @DomainEventSubscriber({ name: 'projects.from-lead', types: [CRM_EVENTS.lead.converted.type] })
 *
 * Names are camelCase in code and snake_case in the type (`statusChanged` → `status_changed`);
 * the aggregate type is the aggregate's snake_case name. Payloads are version 1; a breaking
 * change declares a new event, it never changes these.
 */
export function defineEvents<const C extends string, const D extends Declarations>(context: C, declarations: D): DefinedEvents<C, D> {
  const result: Record<string, Record<string, EventDefinition>> = {};
  for (const [aggregate, events] of Object.entries(declarations)) {
    const aggregateType = snakeCase(aggregate);
    result[aggregate] = {};
    for (const name of Object.keys(events)) {
      const type = `${context}.${aggregateType}.${snakeCase(name)}`;
      const build = (aggregateId: string, eventPayload: object) => ({ type, aggregateType, aggregateId, payload: eventPayload });
      result[aggregate][name] = Object.assign(build, { type, aggregateType }) as unknown as EventDefinition;
      DECLARED.set(type, { type, context, aggregateType });
    }
  }
  return result as unknown as DefinedEvents<C, D>;
}

/** An event type some loaded `defineEvents` call declared. */
export interface DeclaredEventType {
  type: string;
  context: string;
  aggregateType: string;
}

const DECLARED = new Map<string, DeclaredEventType>();

/**
 * Every event type declared with `defineEvents` by the code loaded so far — in the app, every
 * context's (each module imports its `<ctx>.events.ts`), sorted. The automation context's event
 * catalogue is built from it, so a new context's events appear there without further wiring.
 */
export function declaredEventTypes(): DeclaredEventType[] {
  return [...DECLARED.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** Every event type a `defineEvents` result declares, sorted (for catalogues and subscriptions). */
export function eventTypesOf(events: Record<string, Record<string, { type: string }>>): string[] {
  return Object.values(events)
    .flatMap((group) => Object.values(group).map((event) => event.type))
    .sort();
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
}
