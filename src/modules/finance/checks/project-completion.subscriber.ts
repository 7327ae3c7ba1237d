import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler, DomainEventSubscriber } from '@libs/events';
import { PROJECTS_EVENTS, ProjectStatusChangedV1 } from '../../projects';
import { FinanceNoticesRepository } from './finance-notices.repository';
import { berlinDate } from '@libs/shared';

/** `projects.project.status_changed` to `completed` → the day the six-month invoicing deadline counts from. */
@Injectable()
@DomainEventSubscriber({ name: 'finance.project-completions', types: [PROJECTS_EVENTS.project.statusChanged.type] })
export class ProjectCompletionSubscriber implements DomainEventHandler<ProjectStatusChangedV1> {
  constructor(private readonly notices: FinanceNoticesRepository) {}

  async handle(event: DomainEvent<ProjectStatusChangedV1>): Promise<void> {
    if (event.payload.to !== 'completed') return;
    await this.notices.recordCompletion(event.aggregateId, berlinDate(event.occurredAt));
  }
}
