import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditColumns, id, timestamptz, versionColumn } from '@libs/db';
import { departments } from '../departments/departments.schema';

export const userLocale = pgEnum('user_locale', ['de', 'en']);

/** Staff accounts. Never deleted: deactivated instead, so history keeps its actors. */
export const users = pgTable(
  'users',
  {
    id: id(),
    ...auditColumns(),
    ...versionColumn(),
    /** Stored trimmed and lower-cased; unique case-insensitively. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string; never leaves the repository layer. */
    passwordHash: text('password_hash').notNull(),
    locale: userLocale('locale').notNull().default('de'),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
    isActive: boolean('is_active').notNull().default(true),
    deactivatedAt: timestamptz('deactivated_at'),
    lastLoginAt: timestamptz('last_login_at'),
    passwordChangedAt: timestamptz('password_changed_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_department_id_idx').on(t.departmentId),
    index('users_is_active_idx').on(t.isActive),
    index('users_created_by_idx').on(t.createdBy),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
