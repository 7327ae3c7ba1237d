import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { id, timestamptz } from '@libs/db';

/**
 * Failed logins, per account (normalised email, known or not) and client ip. Kept in the database
 * rather than in memory so the throttle holds across every app instance.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    attemptedAt: timestamptz('attempted_at').notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_attempted_at_idx').on(t.email, t.attemptedAt),
    index('login_attempts_ip_attempted_at_idx').on(t.ip, t.attemptedAt),
    index('login_attempts_attempted_at_idx').on(t.attemptedAt),
  ],
);
