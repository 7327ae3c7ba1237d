import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterDrizzleOrm } from '@nestjs-cls/transactional-adapter-drizzle-orm';
import { Pool } from 'pg';

export type Database = NodePgDatabase<Record<string, unknown>>;

/** What repositories inject: `txHost.tx` is the current transaction, or the pool outside one. */
export type DbTransactionHost = TransactionHost<TransactionalAdapterDrizzleOrm<Database>>;

export interface PoolOptions {
  url: string;
  max: number;
  applicationName?: string;
}

/**
 * Runtime connections go through PgBouncer in transaction pooling mode, so nothing here may keep
 * session state: node-postgres only names a prepared statement when a query asks for it, and
 * no code in this project does.
 */
export function createPool({ url, max, applicationName = 'renewa' }: PoolOptions): Pool {
  const pool = new Pool({
    connectionString: url,
    max,
    application_name: applicationName,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its server (PgBouncer restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

export function createDatabase(pool: Pool): Database {
  return drizzle(pool);
}

export async function pingDatabase(pool: Pool): Promise<void> {
  await pool.query('select 1');
}

/** A helper that only means something inside a transaction (a lock, a claim) was called outside one. */
export class TransactionRequiredError extends Error {
  override readonly name = 'TransactionRequiredError';
}

/**
 * Throws unless a transaction is active: for helpers whose effect lasts only until the end of the
 * current transaction (transaction-scoped advisory locks), which would silently do nothing outside one.
 */
export function assertInTransaction(txHost: DbTransactionHost, what: string): void {
  if (!txHost.isTransactionActive()) throw new TransactionRequiredError(`${what} must run inside a transaction (txHost.withTransaction)`);
}
