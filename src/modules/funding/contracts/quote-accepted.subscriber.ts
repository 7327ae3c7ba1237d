import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler, DomainEventSubscriber } from '@libs/events';
import { FINANCE_EVENTS, QuoteAcceptedV1 } from '../../finance';
import { ContractsService } from './contracts.service';

/**
 * `finance.quote.accepted` → the project's contract facts for the start-of-project rule; a
 * redelivery finds the quote already recorded and changes nothing.
 */
@Injectable()
@DomainEventSubscriber({ name: 'funding.contract-from-accepted-quote', types: [FINANCE_EVENTS.quote.accepted.type] })
export class QuoteAcceptedSubscriber implements DomainEventHandler<QuoteAcceptedV1> {
  constructor(private readonly contracts: ContractsService) {}

  async handle(event: DomainEvent<QuoteAcceptedV1>): Promise<void> {
    await this.contracts.fromAcceptedQuote(event.payload);
  }
}
