import { and, eq, inArray } from 'drizzle-orm';
import { createDatabase, createPool, type Database } from '@libs/db';
import { users } from '../../schema';
import { seedUuid } from '../seed-utils';
import { DEMO_USERS } from './demo-data';

/** Active demo users (their password is documented in docs/tour.md) in this database, by e-mail. */
export async function activeDemoUsers(db: Database): Promise<string[]> {
  const ids = DEMO_USERS.map((u) => seedUuid('users', u.email));
  const rows = await db.select({ email: users.email }).from(users).where(and(inArray(users.id, ids), eq(users.isActive, true)));
  return rows.map((r) => r.email);
}

/**
 * A production instance refuses to start on a database holding active demo users: anyone who read
 * the tour could sign in as them. Deactivate or delete them (or use another database) first.
 */
export async function refuseDemoUsersInProduction(url: string, nodeEnv: string): Promise<void> {
  if (nodeEnv !== 'production') return;
  const pool = createPool({ url, max: 1, applicationName: 'renewa-demo-guard' });
  try {
    const found = await activeDemoUsers(createDatabase(pool));
    if (found.length) throw new Error(`the database holds active demo users with documented passwords (${found.join(', ')}): refused in production`);
  } finally {
    await pool.end();
  }
}
