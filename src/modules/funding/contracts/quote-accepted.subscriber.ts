import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler, DomainEventSubscriber } from '@libs/events';
import { ContractsService, QuoteAcceptedPayload } from './contracts.service';

/**
 * `finance.quote.accepted` → the project's contract facts for the start-of-project rule. Finance
 * is built in parallel: the type is subscribed by its string and the payload declared here
 * (QuoteAcceptedPayload); a redelivery finds the quote already recorded and changes nothing.
 */
@Injectable()
@DomainEventSubscriber({ name: 'funding.contract-from-accepted-quote', types: ['finance.quote.accepted'] })
export class QuoteAcceptedSubscriber implements DomainEventHandler<QuoteAcceptedPayload> {
  constructor(private readonly contracts: ContractsService) {}

  async handle(event: DomainEvent<QuoteAcceptedPayload>): Promise<void> {
    await this.contracts.fromAcceptedQuote(event.payload);
  }
}
