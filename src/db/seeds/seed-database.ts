import { createDatabase, createPool } from '@libs/db';
import { SEEDS } from './index';
import { runSeeds, SeedReport } from './seed-runner';
import type { SeedContext } from './seed-utils';

export interface SeedDatabaseOptions {
  url: string;
  env: SeedContext['env'];
  log: SeedContext['log'];
  includeDemo?: boolean;
}

/** Runs every registered seed against the database at `url` (used on boot and by `cli seed`). */
export async function seedDatabase({ url, env, log, includeDemo }: SeedDatabaseOptions): Promise<SeedReport> {
  const pool = createPool({ url, max: 2, applicationName: 'renewa-seed' });
  try {
    return await runSeeds(createDatabase(pool), SEEDS, { env, log, includeDemo });
  } finally {
    await pool.end();
  }
}
