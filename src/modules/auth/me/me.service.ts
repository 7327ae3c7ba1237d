import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { currentGrants, grantRows } from '@libs/auth';
import { currentContext } from '@libs/context';
import { EventOutbox } from '@libs/events';
import { currentSessionId } from '../access/session-context';
import { AUTH_EVENTS } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { PasswordHasher } from '../sessions/password-hasher';
import { SessionRevocation } from '../sessions/session-revocation.service';
import { UserRolesService } from '../user-roles/user-roles.service';
import { toUserResponse } from '../users/users.mapper';
import { passwordProblems } from '../users/users.rules';
import type { User } from '../users/users.schema';
import { UsersService } from '../users/users.service';
import { MeDto, UpdateMeDto } from './me.dto';

/** The signed-in user's own profile, through the users, user-roles and sessions services. */
@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersService,
    private readonly userRoles: UserRolesService,
    private readonly sessions: SessionRevocation,
    private readonly hasher: PasswordHasher,
    private readonly outbox: EventOutbox,
  ) {}

  async get(): Promise<MeDto> {
    const user = await this.actor();
    const roles = await this.userRoles.rolesOf(user.id);
    return {
      user: toUserResponse(user),
      roles: roles.map(({ id, key, name }) => ({ id, key, name })),
      permissions: grantRows(currentGrants()),
    };
  }

  /** Name and locale; a new password needs the current one and signs out every other session. */
  @Transactional()
  async update(dto: UpdateMeDto): Promise<MeDto> {
    const before = await this.actor();
    if (dto.newPassword !== undefined) await this.changePassword(before, dto.currentPassword, dto.newPassword);
    await this.users.updateOwnProfile(before, { ...(dto.name !== undefined && { name: dto.name }), ...(dto.locale !== undefined && { locale: dto.locale }) });
    return this.get();
  }

  private async changePassword(user: User, currentPassword: string | undefined, newPassword: string): Promise<void> {
    if (currentPassword === undefined) throw AuthErrors.currentPasswordRequired();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) throw AuthErrors.currentPasswordWrong();
    const problems = passwordProblems(newPassword, user.email);
    if (problems.length > 0) throw AuthErrors.weakPassword(problems);
    await this.users.setPassword(user.id, newPassword);
    await this.sessions.revokeAllOfUser(user.id, currentSessionId());
    await this.outbox.append(AUTH_EVENTS.user.passwordChanged(user.id, {}));
  }

  private async actor(): Promise<User> {
    const id = currentContext().actorId;
    const user = id ? await this.users.findSelf(id) : undefined;
    if (!user) throw AuthErrors.tokenInvalid();
    return user;
  }
}
