import { Injectable } from '@nestjs/common';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { assertInTransaction, Repository } from '@libs/db';
import { schedulingPublicRequests } from '../appointments/appointments.schema';

/** The log behind the public endpoints' rate limit (as the public forms do: lock per address, count, record). */
@Injectable()
export class PublicRequestsRepository extends Repository {
  /** Serialises one address's requests until the transaction ends (transaction-scoped: works through PgBouncer). */
  async lockClient(clientIp: string): Promise<void> {
    assertInTransaction(this.txHost, 'PublicRequestsRepository.lockClient');
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`renewa.scheduling.ip:${clientIp}`}, 0))`);
  }

  async countSince(clientIp: string, since: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(schedulingPublicRequests)
      .where(and(eq(schedulingPublicRequests.clientIp, clientIp), gt(schedulingPublicRequests.createdAt, since)));
    return row.n;
  }

  async record(clientIp: string): Promise<void> {
    await this.db.insert(schedulingPublicRequests).values({ clientIp });
  }

  /** Forgets requests older than `before` (kept small by the reminder check's runs). */
  async purgeBefore(before: Date): Promise<void> {
    await this.db.delete(schedulingPublicRequests).where(lt(schedulingPublicRequests.createdAt, before));
  }
}
