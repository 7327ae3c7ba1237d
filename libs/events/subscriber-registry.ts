import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import {
  DOMAIN_EVENT_SUBSCRIBER_METADATA,
  DomainEventHandler,
  DomainEventSubscriberOptions,
  subscriptionMatches,
} from './domain-event-subscriber.decorator';

export interface RegisteredSubscriber {
  name: string;
  types: readonly string[];
  handler: DomainEventHandler;
}

/**
 * The subscribers of this app, found through their decorator. Every instance runs the same code,
 * so the list is the same everywhere (a rolling deploy that adds a subscriber is the exception: see
 * docs/events-and-audit.md).
 */
@Injectable()
export class SubscriberRegistry {
  private subscribers: Map<string, RegisteredSubscriber> | undefined;
  private readonly byType = new Map<string, string[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** Names of the subscribers of `type`. */
  namesFor(type: string): string[] {
    let names = this.byType.get(type);
    if (!names) {
      names = [...this.all().values()].filter((s) => s.types.some((p) => subscriptionMatches(p, type))).map((s) => s.name);
      this.byType.set(type, names);
    }
    return names;
  }

  get(name: string): RegisteredSubscriber | undefined {
    return this.all().get(name);
  }

  names(): string[] {
    return [...this.all().keys()];
  }

  // Lazy: providers exist once the module graph is instantiated, whichever module asks first.
  private all(): Map<string, RegisteredSubscriber> {
    if (this.subscribers) return this.subscribers;
    const found = new Map<string, RegisteredSubscriber>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || typeof metatype !== 'function') continue;
      const options = this.reflector.get<DomainEventSubscriberOptions | undefined>(DOMAIN_EVENT_SUBSCRIBER_METADATA, metatype);
      if (!options) continue;
      if (!wrapper.isDependencyTreeStatic()) throw new Error(`subscriber "${options.name}" must be a singleton provider`);
      if (typeof (instance as Partial<DomainEventHandler>).handle !== 'function') {
        throw new Error(`subscriber "${options.name}" (${metatype.name}) has no handle(event) method`);
      }
      const existing = found.get(options.name);
      if (existing && existing.handler !== instance) throw new Error(`two subscribers are named "${options.name}"`);
      found.set(options.name, { name: options.name, types: options.types, handler: instance as DomainEventHandler });
    }
    this.subscribers = found;
    return found;
  }
}
