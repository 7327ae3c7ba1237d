import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { currentContext } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { SchedulingErrors } from '../scheduling.errors';
import { PublicRequestsRepository } from './public-requests.repository';

/** Requests per client address and hour to the public scheduling endpoints (links and feeds). */
export const PUBLIC_REQUESTS_PER_HOUR = 120;

/**
 * The rate limit of the public endpoints: every request counts (also bad tokens, so guessing is
 * slow), recorded in its own transaction so a refused request still counts; 429 over the limit.
 */
@Injectable()
export class PublicRateLimit {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly requests: PublicRequestsRepository,
  ) {}

  async admit(): Promise<void> {
    const ip = currentContext().clientIp ?? 'unknown';
    await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      await this.requests.lockClient(ip);
      const recent = await this.requests.countSince(ip, new Date(Date.now() - 3_600_000));
      if (recent >= PUBLIC_REQUESTS_PER_HOUR) throw SchedulingErrors.rateLimited(3600);
      await this.requests.record(ip);
    });
  }
}
