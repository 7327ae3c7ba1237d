import { eq, sql } from 'drizzle-orm';
import { runAsActor } from '@libs/context';
import type { Database } from '@libs/db';
import { seedMarkers } from '../seed-markers.schema';
import type { Seed, SeedContext } from './seed-utils';

export interface SeedReport {
  applied: string[];
  skipped: string[];
}

/**
 * Runs each pending seed in its own transaction. A transaction-scoped advisory lock serialises
 * concurrent runners (several instances booting at once) and works through PgBouncer.
 */
export async function runSeeds(
  db: Database,
  seeds: readonly Seed[],
  ctx: Omit<SeedContext, 'db'> & { includeDemo?: boolean },
): Promise<SeedReport> {
  if (ctx.includeDemo && ctx.env.nodeEnv === 'production') {
    throw new Error('demo data is never seeded in production: its users have documented passwords');
  }
  const report: SeedReport = { applied: [], skipped: [] };
  // Markers never disappear, so a seed marked here is done; the rest are re-checked under the lock.
  const marked = new Set((await db.select({ key: seedMarkers.key }).from(seedMarkers)).map((row) => row.key));
  for (const seed of seeds) {
    if (seed.demo && !ctx.includeDemo) continue;
    if (marked.has(seed.key)) {
      report.skipped.push(seed.key);
      continue;
    }
    const applied = await runAsActor(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('renewa:seed'), hashtext(${seed.key}))`);
        const [marker] = await tx.select().from(seedMarkers).where(eq(seedMarkers.key, seed.key));
        if (marker) return false;
        await seed.run({ ...ctx, db: tx as unknown as Database });
        await tx.insert(seedMarkers).values({ key: seed.key, description: seed.description });
        return true;
      }),
    );
    (applied ? report.applied : report.skipped).push(seed.key);
    if (applied) ctx.log.info(`seeded ${seed.key}: ${seed.description}`);
  }
  return report;
}
