import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentGrant, Scope } from '@libs/auth';
import { currentActorId, SYSTEM_ACTOR_ID } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { readVisibility, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { FINANCE_EVENTS } from '../finance.events';
import { QuoteResponseDto, QuoteVersionResponseDto } from './quote.dto';
import { QuoteErrors } from './quote.errors';
import { QUOTE_AUDITED_FIELDS, toQuoteResponse, toQuoteVersionResponse } from './quote.mapper';
import { QuoteFilters, QuotesRepository, QuoteVersionsRepository } from './quotes.repository';
import type { Quote, quotes, QuoteVersion } from './quotes.schema';

export const QUOTE: ResourceDefinition<Quote> = {
  name: 'quote',
  code: 'FINANCE_QUOTE',
  permissions: resourcePermissions('finance.quotes'),
  events: FINANCE_EVENTS.quote,
  auditedFields: QUOTE_AUDITED_FIELDS,
};

/**
 * Reading quotes (list, export, one with its newest version, its versions), deleting and restoring
 * drafts. Writing: QuoteWritingService; sending and the customer's answer: QuoteAnswersService.
 */
@Injectable()
export class QuotesService extends ResourceService<typeof quotes, QuoteFilters, QuoteResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: QuotesRepository,
    readonly versions: QuoteVersionsRepository,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, QUOTE, (row) => toQuoteResponse(row));
  }

  /** The quote with its newest version (a deleted one with the delete permission). */
  override async get(id: string): Promise<QuoteResponseDto> {
    const quote = await this.steps.get(id);
    return toQuoteResponse(quote, await this.latestVersion(quote));
  }

  /** Every version of a quote, oldest first, whole: what each recipient received stays readable. */
  async versionsOf(id: string): Promise<QuoteVersionResponseDto[]> {
    const quote = await this.steps.find(id, readVisibility(this.steps.permissions));
    return (await this.versions.ofQuote(quote.id)).map(toQuoteVersionResponse);
  }

  /** Only a quote never sent can be deleted; its number stays taken (the series keeps no gap). */
  override async remove(id: string, version: number): Promise<void> {
    await this.steps.remove(id, version, (current) => {
      if (current.status !== 'draft' || current.revision !== 1) throw QuoteErrors.notDeletable(current.number, current.status);
    });
  }

  /** For the invoicing side and other contexts: the live accepted quote of a project within the actor's read scope (the system actor: all). */
  async acceptedOfProject(projectId: string): Promise<QuoteResponseDto | undefined> {
    const scope: Scope | undefined = currentGrant('finance.quotes:read') ?? (currentActorId() === SYSTEM_ACTOR_ID ? 'all' : undefined);
    if (!scope) return undefined;
    const quote = await this.repository.acceptedOfProject(projectId, scope);
    return quote && toQuoteResponse(quote, await this.latestVersion(quote));
  }

  async latestVersion(quote: Quote): Promise<QuoteVersion> {
    const version = await this.versions.find(quote.id, quote.revision);
    if (!version) throw new Error(`quote ${quote.id} has no version ${quote.revision}`);
    return version;
  }
}
