import { Injectable } from '@nestjs/common';
import { CheckTime, ScheduledCheck, ScheduledCheckHandler } from '@libs/scheduled-checks';
import { FINANCE_EVENTS } from '../finance.events';
import { QuotesService } from './quotes.service';

const BATCH = 200;
/** At most this many quotes per run; the next run takes the rest. */
const MAX_PER_RUN = 10_000;

/**
 * Daily: every sent quote whose validity date lies before today becomes `expired`, with
 * `finance.quote.expired`. Each quote in its own transaction on the locked row, re-checked under
 * the lock, so a repeated or concurrent run finds nothing left to expire: idempotent.
 */
@Injectable()
@ScheduledCheck({ name: 'finance.quotes-expiry', everyMinutes: 1440 })
export class QuoteExpiryCheck implements ScheduledCheckHandler {
  constructor(private readonly quotes: QuotesService) {}

  async run(at: CheckTime): Promise<number> {
    let expired = 0;
    let seen = 0;
    while (seen < MAX_PER_RUN) {
      const ids = await this.quotes.repository.expiredIds(at.today, BATCH);
      seen += ids.length;
      for (const id of ids) if (await this.expire(id, at)) expired += 1;
      if (ids.length < BATCH) break;
    }
    return expired;
  }

  private expire(id: string, at: CheckTime): Promise<boolean> {
    return this.quotes.steps.transaction(async () => {
      const quote = await this.quotes.repository.lockExpirable(id, at.today);
      if (!quote) return false;
      const latest = await this.quotes.latestVersion(quote);
      await this.quotes.versions.update(latest.id, { status: 'expired', expiredAt: at.now });
      const updated = await this.quotes.repository.update(quote.id, quote.version, { status: 'expired' }, 'all');
      if (!updated) throw new Error(`quote ${id} vanished while locked`);
      await this.quotes.steps.publish(FINANCE_EVENTS.quote.expired(id, { quoteId: id, number: quote.number, version: latest.revision, projectId: quote.projectId, validUntil: quote.validUntil }));
      return true;
    });
  }
}
