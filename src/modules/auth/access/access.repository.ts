import { Injectable } from '@nestjs/common';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { GrantRow } from '@libs/auth';
import { Database, Repository } from '@libs/db';
import { rolePermissions, roles } from '../roles/roles.schema';
import { refreshTokens } from '../sessions/refresh-tokens.schema';
import { userRoles } from '../user-roles/user-roles.schema';
import { users } from '../users/users.schema';

export interface Principal {
  id: string;
  departmentId: string | null;
  locale: 'de' | 'en';
  isActive: boolean;
  /** The sign-in the access token belongs to still has an unrevoked refresh token. */
  sessionLive: boolean;
}

export interface PrincipalWithGrants extends Principal {
  /**
   * The grants of the user's live roles as `permission=scope` entries joined by `,`, sorted: the
   * same text for the same grants, so it also keys the guard's cache of merged grants.
   */
  grantList: string;
}

/** What the guard needs per request: the acting user and the grants of their roles. */
@Injectable()
export class AccessRepository extends Repository {
  /**
   * The guard's one statement per request: the user, whether the sign-in is live, and the grants
   * of their live roles. Read fresh on every request, so a revoked sign-in, a deactivation, a
   * changed role or grant counts from the next request on, on every instance. Rendered once.
   */
  async findPrincipalWithGrants(userId: string, sessionId: string): Promise<PrincipalWithGrants | undefined> {
    const [row] = await this.statementCache.execute('principalWithGrants', principalWithGrants, { userId, sessionId });
    return row;
  }

  /** The user and whether their sign-in `sessionId` (a refresh-token family) is still live, in one query. */
  async findPrincipal(userId: string, sessionId: string): Promise<Principal | undefined> {
    const liveToken = this.db
      .select({ one: sql`1` })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.familyId, sessionId), eq(refreshTokens.userId, users.id), isNull(refreshTokens.revokedAt)));
    const [row] = await this.db
      .select({ id: users.id, departmentId: users.departmentId, locale: users.locale, isActive: users.isActive, sessionLive: sql<boolean>`exists(${liveToken})` })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }

  /** Grant rows of every live role of the user (a permission may appear once per role). */
  grantRowsOfUser(userId: string): Promise<GrantRow[]> {
    return this.db
      .select({ permission: rolePermissions.permission, scope: rolePermissions.scope })
      .from(userRoles)
      .innerJoin(roles, and(eq(roles.id, userRoles.roleId), isNull(roles.deletedAt)))
      .innerJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
      .where(eq(userRoles.userId, userId));
  }

  /** Grant rows of the given roles, for escalation checks before a role is assigned. */
  grantRowsOfRoles(roleIds: readonly string[]): Promise<GrantRow[]> {
    if (roleIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({ permission: rolePermissions.permission, scope: rolePermissions.scope })
      .from(rolePermissions)
      .where(inArray(rolePermissions.roleId, [...roleIds]));
  }
}

function principalWithGrants(db: Database) {
  const liveToken = db
    .select({ one: sql`1` })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, sql.placeholder('sessionId')), eq(refreshTokens.userId, users.id), isNull(refreshTokens.revokedAt)));
  const entry = sql`${rolePermissions.permission} || '=' || ${rolePermissions.scope}::text`;
  const grantList = db
    .select({ list: sql`coalesce(string_agg(${entry}, ',' order by ${entry}), '')` })
    .from(userRoles)
    .innerJoin(roles, and(eq(roles.id, userRoles.roleId), isNull(roles.deletedAt)))
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(userRoles.userId, users.id));
  return db
    .select({
      id: users.id,
      departmentId: users.departmentId,
      locale: users.locale,
      isActive: users.isActive,
      sessionLive: sql<boolean>`exists(${liveToken})`,
      grantList: sql<string>`(${grantList})`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')));
}
