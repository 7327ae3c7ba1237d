import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { Scope, scopeCondition } from '@libs/auth';
import { Repository } from '@libs/db';
import { containsAny } from '@libs/search';
import { ConstraintErrors, mapConstraintErrors } from '@libs/resource';
import { AuthErrors } from '../auth.errors';
import { NewUser, User, users } from './users.schema';

export interface UserFilters {
  limit: number;
  /** lower(email) of the last row of the previous page */
  after?: string;
  q?: string;
  departmentId?: string;
  active?: boolean;
}

export type UserChanges = Partial<Pick<User, 'email' | 'name' | 'locale' | 'departmentId' | 'isActive' | 'deactivatedAt'>>;

const CONSTRAINTS: ConstraintErrors = {
  users_email_lower_key: AuthErrors.emailTaken,
  users_department_id_departments_id_fk: { path: 'departmentId', what: 'department' },
};

@Injectable()
export class UsersRepository extends Repository {
  /**
   * The users `scope` lets the actor see (own → themselves and users they created, department →
   * their department's users), filtered in the query. One row more than `limit`: see toPage.
   */
  list(filters: UserFilters, scope: Scope): Promise<User[]> {
    const email = sql<string>`lower(${users.email})`;
    return this.db
      .select()
      .from(users)
      .where(
        and(
          scopeCondition(scope, { ownerColumns: [users.id, users.createdBy], departmentColumn: users.departmentId }),
          filters.after !== undefined ? gt(email, filters.after) : undefined,
          containsAny([users.email, users.name], filters.q),
          filters.departmentId ? eq(users.departmentId, filters.departmentId) : undefined,
          filters.active !== undefined ? eq(users.isActive, filters.active) : undefined,
        ),
      )
      .orderBy(asc(email))
      .limit(filters.limit + 1);
  }

  /** A user inside `scope` (undefined: no scope restriction). */
  async findById(id: string, scope?: Scope): Promise<User | undefined> {
    const inScope = scope ? scopeCondition(scope, { ownerColumns: [users.id, users.createdBy], departmentColumn: users.departmentId }) : undefined;
    const [row] = await this.db.select().from(users).where(and(eq(users.id, id), inScope));
    return row;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const [row] = await this.db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    return row;
  }

  insert(values: NewUser): Promise<User> {
    return mapConstraintErrors(CONSTRAINTS, async () => {
      const [row] = await this.db.insert(users).values(values).returning();
      return row;
    });
  }

  /** Applies `changes` if the row still has `version` (or always, without one); undefined when it does not. */
  update(id: string, changes: UserChanges, version?: number): Promise<User | undefined> {
    return mapConstraintErrors(CONSTRAINTS, async () => {
      const [row] = await this.db
        .update(users)
        .set({ ...changes, version: sql`${users.version} + 1` })
        .where(and(eq(users.id, id), version !== undefined ? eq(users.version, version) : undefined))
        .returning();
      return row;
    });
  }

  /** Leaves `version` alone: no field a client reads or edits changes. */
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, id));
  }

  /** Not an edit of the user: keeps version and updated_* so a client's ETag stays valid. */
  async recordLogin(id: string): Promise<void> {
    await this.db
      .update(users)
      .set({ lastLoginAt: sql`now()`, updatedAt: sql`${users.updatedAt}`, updatedBy: sql`${users.updatedBy}` })
      .where(eq(users.id, id));
  }
}
