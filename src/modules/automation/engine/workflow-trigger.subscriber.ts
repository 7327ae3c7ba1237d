import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler, DomainEventSubscriber } from '@libs/events';
import { RunStarter } from './run-starter';

/**
 * Every event, checked against the enabled workflows triggered by its type. Runs inside the
 * relay's claim transaction and only writes to the database (runs, steps, the first step's job),
 * so a run exists exactly when the delivery is recorded: each event starts each matching workflow
 * once. The actions themselves run later, in jobs, outside the relay.
 */
@Injectable()
@DomainEventSubscriber({ name: 'automation.triggers', types: ['*'] })
export class WorkflowTriggerSubscriber implements DomainEventHandler {
  constructor(private readonly starter: RunStarter) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.starter.start([event]);
  }

  async handleBatch(events: DomainEvent[]): Promise<void> {
    await this.starter.start(events);
  }
}
