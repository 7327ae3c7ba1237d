import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { GrantRow } from '@libs/auth';
import { Repository } from '@libs/db';
import { containsAny } from '@libs/search';
import { mapConstraintErrors } from '@libs/resource';
import type { LocalizedText } from '@libs/shared';
import { AuthErrors } from '../auth.errors';
import { userRoles } from '../user-roles/user-roles.schema';
import { NewRole, Role, rolePermissions, roles } from './roles.schema';

export interface RoleFilters {
  limit: number;
  /** key of the last row of the previous page */
  after?: string;
  q?: string;
}

const live = isNull(roles.deletedAt);

@Injectable()
export class RolesRepository extends Repository {
  list(filters: RoleFilters): Promise<Role[]> {
    return this.db
      .select()
      .from(roles)
      .where(
        and(
          live,
          filters.after !== undefined ? gt(roles.key, filters.after) : undefined,
          containsAny([roles.key, sql`(${roles.name} ->> 'de')`, sql`(${roles.name} ->> 'en')`], filters.q),
        ),
      )
      .orderBy(asc(roles.key))
      .limit(filters.limit + 1);
  }

  async findById(id: string): Promise<Role | undefined> {
    const [row] = await this.db.select().from(roles).where(and(eq(roles.id, id), live));
    return row;
  }

  findByIds(ids: readonly string[]): Promise<Role[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select().from(roles).where(and(inArray(roles.id, [...ids]), live));
  }

  /** Grants of each role in `roleIds`, keyed by role id. */
  async grantsOf(roleIds: readonly string[]): Promise<Map<string, GrantRow[]>> {
    const result = new Map<string, GrantRow[]>(roleIds.map((id) => [id, []]));
    if (roleIds.length === 0) return result;
    const rows = await this.db
      .select({ roleId: rolePermissions.roleId, permission: rolePermissions.permission, scope: rolePermissions.scope })
      .from(rolePermissions)
      .where(inArray(rolePermissions.roleId, [...roleIds]))
      .orderBy(asc(rolePermissions.permission));
    for (const { roleId, permission, scope } of rows) result.get(roleId)?.push({ permission, scope });
    return result;
  }

  insert(values: NewRole): Promise<Role> {
    return mapConstraintErrors({ roles_key_key: AuthErrors.roleKeyTaken }, async () => {
      const [row] = await this.db.insert(roles).values(values).returning();
      return row;
    });
  }

  async replaceGrants(roleId: string, grants: readonly GrantRow[]): Promise<void> {
    await this.db.delete(rolePermissions).where(eq(rolePermissions.roleId, roleId));
    if (grants.length > 0) await this.db.insert(rolePermissions).values(grants.map((g) => ({ roleId, ...g })));
  }

  /** Bumps the version even when only the grants changed, so the role's ETag follows its permissions. */
  async update(id: string, changes: Partial<{ name: LocalizedText }>, version: number): Promise<Role | undefined> {
    const [row] = await this.db
      .update(roles)
      .set({ ...changes, version: sql`${roles.version} + 1` })
      .where(and(eq(roles.id, id), eq(roles.version, version), live))
      .returning();
    return row;
  }

  async softDelete(id: string, version: number): Promise<Role | undefined> {
    const [row] = await this.db
      .update(roles)
      .set({ deletedAt: sql`now()`, version: sql`${roles.version} + 1` })
      .where(and(eq(roles.id, id), eq(roles.version, version), live))
      .returning();
    return row;
  }

  async isAssigned(roleId: string): Promise<boolean> {
    const [row] = await this.db.select({ roleId: userRoles.roleId }).from(userRoles).where(eq(userRoles.roleId, roleId)).limit(1);
    return row !== undefined;
  }
}
