import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { assertCanGrant, currentGrants, currentScope, grantRows, mergeGrants } from '@libs/auth';
import { EventOutbox } from '@libs/events';
import { AUTH_EVENTS } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { toRoleResponse } from '../roles/roles.mapper';
import { RolesService } from '../roles/roles.service';
import { UsersService } from '../users/users.service';
import { UserRolesDto } from './user-roles.dto';
import { UserRolesRepository } from './user-roles.repository';

@Injectable()
export class UserRolesService {
  constructor(
    private readonly users: UsersService,
    private readonly userRoles: UserRolesRepository,
    private readonly roles: RolesService,
    private readonly outbox: EventOutbox,
  ) {}

  async get(userId: string): Promise<UserRolesDto> {
    await this.users.get(userId);
    return this.describe(userId);
  }

  /**
   * Sets the user's roles. The target must be in the actor's `auth.user-roles:assign` scope and
   * hold nothing the actor lacks; every added role's grants must be held by the actor at least as
   * wide. Together: nobody can give themselves or anyone else more than they have.
   */
  @Transactional()
  async replace(userId: string, roleIds: readonly string[]): Promise<UserRolesDto> {
    await this.users.findManageable(userId, currentScope('auth.user-roles:assign'));
    const wanted = [...new Set(roleIds)];
    const found = await this.roles.findByIds(wanted);
    const missing = wanted.filter((id) => !found.some((r) => r.id === id));
    if (missing.length > 0) throw AuthErrors.roleNotFound(missing.join(', '));
    const current = (await this.userRoles.rolesOf(userId)).map((r) => r.id);
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    const addedGrants = await this.roles.grantsOf(added);
    assertCanGrant(currentGrants(), [...addedGrants.values()].flat());
    await this.userRoles.add(userId, added);
    await this.userRoles.remove(userId, removed);
    if (added.length > 0 || removed.length > 0) {
      await this.outbox.append(AUTH_EVENTS.user.rolesChanged(userId, { added, removed, roleIds: wanted }));
    }
    return this.describe(userId);
  }

  /** The roles a user holds (their own profile shows them). */
  rolesOf(userId: string) {
    return this.userRoles.rolesOf(userId);
  }

  private async describe(userId: string): Promise<UserRolesDto> {
    const roles = await this.userRoles.rolesOf(userId);
    const grants = await this.roles.grantsOf(roles.map((r) => r.id));
    return {
      userId,
      roles: roles.map((role) => toRoleResponse(role, grants.get(role.id) ?? [])),
      permissions: grantRows(mergeGrants(...grants.values())),
    };
  }
}
