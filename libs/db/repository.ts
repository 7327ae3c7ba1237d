import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from './database';
import { StatementCache } from './statement-cache';

/**
 * What every repository starts from: `this.db` is the current transaction (when a service opened
 * one) or the pool. Repositories are the only place with SQL.
 */
export abstract class Repository {
  #statementCache?: StatementCache;

  constructor(@InjectTransactionHost() protected readonly txHost: DbTransactionHost) {}

  protected get db() {
    return this.txHost.tx;
  }

  /**
   * Hot queries rendered once and executed with fresh values (see StatementCache):
   *
   *   this.statementCache.execute('byEmail', (db) => db.select().from(users).where(eq(users.email, sql.placeholder('email'))), { email });
   */
  protected get statementCache(): StatementCache {
    return (this.#statementCache ??= new StatementCache(this.txHost));
  }
}
