import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DEFAULT_RETRY_POLICY } from './backoff';
import { DeadLetters } from './dead-letters';
import { EventOutbox } from './event-outbox';
import { DEFAULT_RELAY_OPTIONS, DEFAULT_RETENTION_OPTIONS, EVENTS_OPTIONS, EventsModuleOptions, ResolvedEventsOptions } from './events.options';
import { EventsClock } from './events-clock';
import { OutboxRelay } from './outbox-relay';
import { OutboxRetention } from './outbox-retention';
import { OutboxRepository } from './outbox.repository';
import { SubscriberRegistry } from './subscriber-registry';

/**
 * Domain events through the transactional outbox: `EventOutbox` for services, the relay, retention, the
 * discovery of `@DomainEventSubscriber` providers and the dead-letter operations. Global; import
 * once, in AppModule, after DbModule.
 */
@Global()
@Module({})
export class EventsModule {
  static forRoot(options: EventsModuleOptions = {}): DynamicModule {
    const resolved: ResolvedEventsOptions = {
      relay: { ...DEFAULT_RELAY_OPTIONS, ...options.relay },
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      retention: { ...DEFAULT_RETENTION_OPTIONS, ...options.retention },
    };
    return {
      module: EventsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: EVENTS_OPTIONS, useValue: resolved },
        EventsClock,
        OutboxRepository,
        SubscriberRegistry,
        EventOutbox,
        OutboxRelay,
        OutboxRetention,
        DeadLetters,
      ],
      exports: [EventOutbox, OutboxRelay, OutboxRetention, DeadLetters, EventsClock, SubscriberRegistry],
    };
  }
}
