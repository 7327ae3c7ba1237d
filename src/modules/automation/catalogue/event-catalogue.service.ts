import { Injectable } from '@nestjs/common';
import { declaredEventTypes } from '@libs/events';
import type { EventTypeDto } from './event-type.dto';
import { EVENT_PAYLOAD_SCHEMAS } from './event-payload-schemas.generated';

/**
 * The domain events workflows can be triggered by: every type a context declared with
 * `defineEvents` (found at runtime, so a new context's events are listed as soon as its module is
 * loaded), with the payload schema generated from its TypeScript type (committed; the contract test
 * `event-catalogue` fails until it is regenerated for a new or changed event).
 */
@Injectable()
export class EventCatalogue {
  private cached: EventTypeDto[] | undefined;

  list(): EventTypeDto[] {
    this.cached ??= declaredEventTypes().map(({ type, context, aggregateType }) => {
      const known = EVENT_PAYLOAD_SCHEMAS[type];
      return { type, context, aggregateType, description: known?.description ?? null, payloadSchema: known?.payload ?? null };
    });
    return this.cached;
  }

  has(type: string): boolean {
    return this.list().some((entry) => entry.type === type);
  }

  find(type: string): EventTypeDto | undefined {
    return this.list().find((entry) => entry.type === type);
  }
}
