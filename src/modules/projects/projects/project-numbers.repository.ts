import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { projectNumberCounters } from './projects.schema';

/** The yearly counters behind project numbers. */
@Injectable()
export class ProjectNumbersRepository extends Repository {
  /**
   * The next serial of `year`, by an upsert that locks the year's row until the caller's
   * transaction ends: concurrent creations wait for each other, none gets the same serial, and a
   * rolled-back creation frees its serial again. Refuses to run outside a transaction (the lock
   * would end before the project is written).
   */
  async next(year: number): Promise<number> {
    if (!this.txHost.isTransactionActive()) throw new Error('ProjectNumbersRepository.next needs the transaction that inserts the project');
    const [row] = await this.db
      .insert(projectNumberCounters)
      .values({ year, lastValue: 1 })
      .onConflictDoUpdate({ target: projectNumberCounters.year, set: { lastValue: sql`${projectNumberCounters.lastValue} + 1` } })
      .returning({ lastValue: projectNumberCounters.lastValue });
    return row.lastValue;
  }
}
