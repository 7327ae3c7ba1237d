import { Injectable } from '@nestjs/common';
import type { QuoteResponseDto } from './quotes/quote.dto';
import { QuotesService } from './quotes/quotes.service';

/**
 * How other contexts read the finance context (exported from finance/index.ts; never the tables):
 * records as their API representation within the current actor's read scope — undefined when
 * missing or not visible. Background work running as the system actor sees every record.
 */
@Injectable()
export class FinanceQueries {
  constructor(private readonly quotes: QuotesService) {}

  /** The project's live accepted quote (the one accepted last) with its accepted version: the contract invoices are built from. */
  acceptedQuoteOfProject(projectId: string): Promise<QuoteResponseDto | undefined> {
    return this.quotes.acceptedOfProject(projectId);
  }
}
