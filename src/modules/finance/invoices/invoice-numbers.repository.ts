import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { invoiceNumberCounters } from './invoices.schema';

/** The counters behind invoice numbers, one row per series (number format) and year. */
@Injectable()
export class InvoiceNumbersRepository extends Repository {
  /**
   * The next serial of (`series`, `year`), by an upsert that locks the counter row until the
   * caller's transaction ends: concurrent finalisations wait for each other, none gets the same
   * serial, and a rolled-back finalisation returns its serial (no gap). Refuses to run outside a
   * transaction, where the lock would end before the invoice is written.
   */
  async next(series: string, year: number): Promise<number> {
    if (!this.txHost.isTransactionActive()) throw new Error('InvoiceNumbersRepository.next needs the finalisation transaction');
    const [row] = await this.db
      .insert(invoiceNumberCounters)
      .values({ series, year, lastValue: 1 })
      .onConflictDoUpdate({ target: [invoiceNumberCounters.series, invoiceNumberCounters.year], set: { lastValue: sql`${invoiceNumberCounters.lastValue} + 1` } })
      .returning({ lastValue: invoiceNumberCounters.lastValue });
    return row.lastValue;
  }
}
