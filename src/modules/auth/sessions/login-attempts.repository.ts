import { Injectable } from '@nestjs/common';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { loginAttempts } from './login-attempts.schema';

export interface RecentFailures {
  account: Date[];
  ip: Date[];
  /** The database's clock, so every instance judges the window alike. */
  now: Date;
}

@Injectable()
export class LoginAttemptsRepository extends Repository {
  /**
   * Serialises sign-in checks per account, then per ip, until the transaction ends (always in
   * that order, and nothing is locked after the ip: no deadlock). Transaction-scoped, so it works
   * through PgBouncer.
   */
  async lockAccountAndIp(email: string, ip: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`renewa.login.account:${email}`}, 0))`);
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`renewa.login.ip:${ip}`}, 0))`);
  }

  /** The newest `limit` failures per account and per ip within the window. */
  async recentFailures(email: string, ip: string, windowSeconds: number, limits: { account: number; ip: number }): Promise<RecentFailures> {
    const since = sql`now() - make_interval(secs => ${windowSeconds})`;
    const times = (column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string, limit: number) =>
      this.db
        .select({ at: loginAttempts.attemptedAt })
        .from(loginAttempts)
        .where(and(eq(column, value), gt(loginAttempts.attemptedAt, since)))
        .orderBy(desc(loginAttempts.attemptedAt))
        .limit(limit);
    // One after the other: inside a transaction they share one connection.
    const account = await times(loginAttempts.email, email, limits.account);
    const byIp = await times(loginAttempts.ip, ip, limits.ip);
    const clock = await this.db.execute<{ ms: number }>(sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`);
    return { account: account.map((r) => r.at), ip: byIp.map((r) => r.at), now: new Date(Number(clock.rows[0].ms)) };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.db.insert(loginAttempts).values({ email, ip });
  }

  /** A successful sign-in clears the account's failures (the ip's stay). */
  async clearAccount(email: string): Promise<void> {
    await this.db.delete(loginAttempts).where(eq(loginAttempts.email, email));
  }

  /** Housekeeping: failures older than a day no longer count for any window. */
  async deleteOlderThanADay(): Promise<void> {
    await this.db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, sql`now() - interval '1 day'`));
  }
}
