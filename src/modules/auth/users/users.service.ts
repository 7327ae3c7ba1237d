import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { assertCanManage, currentGrants, currentScope, Scope } from '@libs/auth';
import { currentContext } from '@libs/context';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { decodeCursor, Page, toPage } from '@libs/pagination';
import { AccessRepository } from '../access/access.repository';
import { AUTH_EVENTS, authEvent } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { DepartmentsRepository } from '../departments/departments.repository';
import { PasswordHasher } from '../sessions/password-hasher';
import { RefreshTokensRepository } from '../sessions/refresh-tokens.repository';
import { CreateUserDto, ListUsersQueryDto, ResetPasswordDto, UpdateUserDto } from './users.dto';
import { UserChanges, UsersRepository } from './users.repository';
import { departmentWithinScope, generateOneTimePassword, normalizeEmail, passwordProblems } from './users.rules';
import type { User } from './users.schema';

const EDITABLE: (keyof User)[] = ['email', 'name', 'locale', 'departmentId'];

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly departments: DepartmentsRepository,
    private readonly access: AccessRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListUsersQueryDto): Promise<Page<User>> {
    const after = query.cursor ? decodeCursor(query.cursor, ['string'] as const)[0] : undefined;
    const rows = await this.users.list({ ...query, after }, currentScope('auth.users:read'));
    return toPage(rows, query.limit, (user) => [user.email.toLowerCase()]);
  }

  /** 404 for users outside the actor's read scope, so their existence is not revealed. */
  async get(id: string): Promise<User> {
    return this.findInScope(id, currentScope('auth.users:read'));
  }

  @Transactional()
  async create(dto: CreateUserDto): Promise<{ user: User; oneTimePassword?: string }> {
    const departmentId = dto.departmentId ?? null;
    await this.assertDepartment(departmentId, currentScope('auth.users:create'));
    const problems = dto.password ? passwordProblems(dto.password, dto.email) : [];
    if (problems.length > 0) throw AuthErrors.weakPassword(problems, 'password');
    const oneTimePassword = dto.password ? undefined : generateOneTimePassword();
    const user = await this.users.insert({
      email: normalizeEmail(dto.email),
      name: dto.name,
      locale: dto.locale ?? 'de',
      departmentId,
      passwordHash: await this.hasher.hash(dto.password ?? (oneTimePassword as string)),
    });
    const { email, name, locale, isActive } = user;
    await this.outbox.append(authEvent(AUTH_EVENTS.userCreated, 'user', user.id, { snapshot: { email, name, locale, departmentId, isActive } }));
    return { user, oneTimePassword };
  }

  @Transactional()
  async update(id: string, dto: UpdateUserDto, version: number): Promise<User> {
    const scope = currentScope('auth.users:update');
    const before = await this.findManageable(id, scope);
    if (before.version !== version) throw staleResource();
    const changes: UserChanges = { ...dto, ...(dto.email !== undefined && { email: normalizeEmail(dto.email) }) };
    if (Object.keys(changes).length === 0) return before;
    if (changes.departmentId !== undefined && changes.departmentId !== before.departmentId) {
      await this.assertDepartment(changes.departmentId, scope);
    }
    const after = await this.users.update(id, changes, version);
    if (!after) throw staleResource();
    const diff = fieldChanges(before, after, EDITABLE);
    if (Object.keys(diff).length > 0) await this.outbox.append(authEvent(AUTH_EVENTS.userUpdated, 'user', id, { changes: diff }));
    return after;
  }

  /** Deactivated users cannot sign in; their refresh tokens are revoked at once, access tokens fail on next use. */
  @Transactional()
  async setActive(id: string, active: boolean): Promise<User> {
    if (!active && id === currentContext().actorId) throw AuthErrors.cannotDeactivateSelf();
    const before = await this.findManageable(id, currentScope('auth.users:deactivate'));
    if (before.isActive === active) return before;
    const after = (await this.users.update(id, { isActive: active, deactivatedAt: active ? null : new Date() })) as User;
    if (!active) await this.tokens.revokeAllOfUser(id);
    const type = active ? AUTH_EVENTS.userReactivated : AUTH_EVENTS.userDeactivated;
    await this.outbox.append(authEvent(type, 'user', id, { changes: fieldChanges(before, after, ['isActive', 'deactivatedAt']) }));
    return after;
  }

  /** Sets the given password or a generated one-time password, and signs the user out everywhere. */
  @Transactional()
  async resetPassword(id: string, dto: ResetPasswordDto): Promise<{ oneTimePassword: string | null }> {
    const user = await this.findManageable(id, currentScope('auth.users:reset-password'));
    const problems = dto.password ? passwordProblems(dto.password, user.email) : [];
    if (problems.length > 0) throw AuthErrors.weakPassword(problems, 'password');
    const oneTimePassword = dto.password ? null : generateOneTimePassword();
    await this.users.setPasswordHash(id, await this.hasher.hash(dto.password ?? (oneTimePassword as string)));
    await this.tokens.revokeAllOfUser(id);
    await this.outbox.append(authEvent(AUTH_EVENTS.userPasswordReset, 'user', id, { generated: oneTimePassword !== null }));
    return { oneTimePassword };
  }

  async findInScope(id: string, scope: Scope): Promise<User> {
    const user = await this.users.findById(id, scope);
    if (!user) throw AuthErrors.userNotFound(id);
    return user;
  }

  /** In scope, and holding nothing the actor does not hold at least as wide. */
  async findManageable(id: string, scope: Scope): Promise<User> {
    const user = await this.findInScope(id, scope);
    assertCanManage(currentGrants(), await this.access.grantRowsOfUser(id));
    return user;
  }

  private async assertDepartment(departmentId: string | null, scope: Scope): Promise<void> {
    if (!departmentWithinScope(scope, currentContext().actorDepartmentId ?? null, departmentId)) throw AuthErrors.departmentOutOfScope();
    if (departmentId && !(await this.departments.findById(departmentId))) throw AuthErrors.departmentNotFound(departmentId);
  }
}
