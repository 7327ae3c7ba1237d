import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler, DomainEventSubscriber } from '@libs/events';
import { CRM_EVENTS, LeadConvertedV1 } from '../../crm';
import { ProjectCreationService } from './project-creation.service';

/**
 * `crm.lead.converted` → a project for the lead (with its first building). A subscriber rather
 * than a call from the CRM: the CRM does not know the Projects context (it sits upstream), and the
 * conversion stays one short CRM transaction. It runs inside the relay's claim transaction, so it
 * only reads and writes the database (a few statements); a lead that already has a project (made
 * directly, or by an earlier delivery) is left alone, and a concurrent direct creation loses to the
 * unique source_lead_id — the delivery is retried and then finds it.
 */
@Injectable()
@DomainEventSubscriber({ name: 'projects.from-converted-lead', types: [CRM_EVENTS.lead.converted.type] })
export class ProjectFromLeadSubscriber implements DomainEventHandler<LeadConvertedV1> {
  constructor(private readonly creation: ProjectCreationService) {}

  async handle(event: DomainEvent<LeadConvertedV1>): Promise<void> {
    await this.creation.fromConvertedLead(event.aggregateId, event.payload);
  }
}
