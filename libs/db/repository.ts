import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from './database';

/**
 * What every repository starts from: `this.db` is the current transaction (when a service opened
 * one) or the pool. Repositories are the only place with SQL.
 */
export abstract class Repository {
  constructor(@InjectTransactionHost() protected readonly txHost: DbTransactionHost) {}

  protected get db() {
    return this.txHost.tx;
  }
}
