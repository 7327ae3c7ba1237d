import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { calendarFeedTokens } from '../appointments/appointments.schema';

@Injectable()
export class FeedTokensRepository extends Repository {
  /** Sets the user's one feed token (a new one replaces the old, which stops working). */
  async replace(userId: string, tokenHash: string): Promise<void> {
    await this.db
      .insert(calendarFeedTokens)
      .values({ userId, tokenHash })
      .onConflictDoUpdate({ target: calendarFeedTokens.userId, set: { tokenHash, createdAt: new Date() } });
  }

  async userOf(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db.select({ userId: calendarFeedTokens.userId }).from(calendarFeedTokens).where(eq(calendarFeedTokens.tokenHash, tokenHash));
    return row?.userId;
  }
}
