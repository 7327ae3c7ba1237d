import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { Role, roles } from '../roles/roles.schema';
import { userRoles } from './user-roles.schema';

@Injectable()
export class UserRolesRepository extends Repository {
  /** The user's live roles, by key. */
  async rolesOf(userId: string): Promise<Role[]> {
    const rows = await this.db
      .select({ role: roles })
      .from(userRoles)
      .innerJoin(roles, and(eq(roles.id, userRoles.roleId), isNull(roles.deletedAt)))
      .where(eq(userRoles.userId, userId))
      .orderBy(asc(roles.key));
    return rows.map((r) => r.role);
  }

  async add(userId: string, roleIds: readonly string[]): Promise<void> {
    if (roleIds.length === 0) return;
    await this.db
      .insert(userRoles)
      .values(roleIds.map((roleId) => ({ userId, roleId })))
      .onConflictDoNothing();
  }

  async remove(userId: string, roleIds: readonly string[]): Promise<void> {
    if (roleIds.length === 0) return;
    await this.db.delete(userRoles).where(and(eq(userRoles.userId, userId), inArray(userRoles.roleId, [...roleIds])));
  }
}
