import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { currentGrants, grantRows } from '@libs/auth';
import { currentContext } from '@libs/context';
import { EventOutbox, fieldChanges } from '@libs/events';
import { currentSessionId } from '../access/session-context';
import { AUTH_EVENTS, authEvent } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { PasswordHasher } from '../sessions/password-hasher';
import { RefreshTokensRepository } from '../sessions/refresh-tokens.repository';
import { UserRolesRepository } from '../user-roles/user-roles.repository';
import { toUserResponse } from '../users/users.dto';
import { UsersRepository } from '../users/users.repository';
import { passwordProblems } from '../users/users.rules';
import type { User } from '../users/users.schema';
import { MeDto, UpdateMeDto } from './me.dto';

@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly userRoles: UserRolesRepository,
    private readonly refreshTokens: RefreshTokensRepository,
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
    const changes = { ...(dto.name !== undefined && { name: dto.name }), ...(dto.locale !== undefined && { locale: dto.locale }) };
    if (Object.keys(changes).length > 0) {
      const after = (await this.users.update(before.id, changes)) as User;
      const diff = fieldChanges(before, after, ['name', 'locale']);
      if (Object.keys(diff).length > 0) await this.outbox.append(authEvent(AUTH_EVENTS.userUpdated, 'user', before.id, { changes: diff }));
    }
    return this.get();
  }

  private async changePassword(user: User, currentPassword: string | undefined, newPassword: string): Promise<void> {
    if (currentPassword === undefined) throw AuthErrors.currentPasswordRequired();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) throw AuthErrors.currentPasswordWrong();
    const problems = passwordProblems(newPassword, user.email);
    if (problems.length > 0) throw AuthErrors.weakPassword(problems);
    await this.users.setPasswordHash(user.id, await this.hasher.hash(newPassword));
    await this.refreshTokens.revokeAllOfUser(user.id, currentSessionId());
    await this.outbox.append(authEvent(AUTH_EVENTS.userPasswordChanged, 'user', user.id, {}));
  }

  private async actor(): Promise<User> {
    const id = currentContext().actorId;
    const user = id ? await this.users.findById(id) : undefined;
    if (!user) throw AuthErrors.tokenInvalid();
    return user;
  }
}
