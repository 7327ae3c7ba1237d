import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { assertCanManage, currentGrants, currentScope, OUT_OF_SCOPE, Scope } from '@libs/auth';
import { currentContext } from '@libs/context';
import { EventOutbox, fieldChanges } from '@libs/events';
import { AppError, staleResource } from '@libs/http';
import { decodeCursor, Page, toPage } from '@libs/pagination';
import { referenceNotFound } from '@libs/resource';
import { AccessRepository } from '../access/access.repository';
import { AUTH_EVENTS } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { DepartmentsService } from '../departments/departments.service';
import { PasswordHasher } from '../sessions/password-hasher';
import { SessionRevocation } from '../sessions/session-revocation.service';
import { CreatedUserDto, CreateUserDto, ListUsersQueryDto, PasswordResetDto, ResetPasswordDto, UpdateUserDto, UserResponseDto } from './users.dto';
import { toUserResponse, USER_EDITABLE_FIELDS } from './users.mapper';
import { UserChanges, UsersRepository } from './users.repository';
import { departmentWithinScope, generateOneTimePassword, normalizeEmail, passwordProblems } from './users.rules';
import type { User } from './users.schema';

/** Staff accounts: administration (scoped by department), and what sign-in and the profile need. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly departments: DepartmentsService,
    private readonly access: AccessRepository,
    private readonly sessions: SessionRevocation,
    private readonly hasher: PasswordHasher,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    const after = query.cursor ? decodeCursor(query.cursor, ['string'] as const)[0] : undefined;
    const rows = await this.users.list({ ...query, after }, currentScope('auth.users:read'));
    return toPage(rows, query.limit, (user) => [user.email.toLowerCase()], toUserResponse);
  }

  /** 404 for users outside the actor's read scope, so their existence is not revealed. */
  async get(id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.findInScope(id, currentScope('auth.users:read')));
  }

  /** Without a password the response carries a one-time password (shown once, never stored in clear). */
  @Transactional()
  async create(dto: CreateUserDto): Promise<CreatedUserDto> {
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
    await this.outbox.append(AUTH_EVENTS.user.created(user.id, { snapshot: { email, name, locale, departmentId, isActive } }));
    return { ...toUserResponse(user), ...(oneTimePassword && { oneTimePassword }) };
  }

  @Transactional()
  async update(id: string, version: number, dto: UpdateUserDto): Promise<UserResponseDto> {
    const scope = currentScope('auth.users:update');
    const before = await this.findManageable(id, scope);
    if (before.version !== version) throw staleResource();
    const changes: UserChanges = { ...dto, ...(dto.email !== undefined && { email: normalizeEmail(dto.email) }) };
    if (Object.keys(changes).length === 0) return toUserResponse(before);
    if (changes.departmentId !== undefined && changes.departmentId !== before.departmentId) await this.assertDepartment(changes.departmentId, scope);
    return toUserResponse(await this.applyChanges(before, changes, version));
  }

  /** Deactivated users cannot sign in; their sign-ins end at once. */
  @Transactional()
  async setActive(id: string, active: boolean): Promise<UserResponseDto> {
    if (!active && id === currentContext().actorId) throw AuthErrors.cannotDeactivateSelf();
    const before = await this.findManageable(id, currentScope('auth.users:deactivate'));
    if (before.isActive === active) return toUserResponse(before);
    const after = (await this.users.update(id, { isActive: active, deactivatedAt: active ? null : new Date() })) as User;
    if (!active) await this.sessions.revokeAllOfUser(id);
    const event = active ? AUTH_EVENTS.user.reactivated : AUTH_EVENTS.user.deactivated;
    await this.outbox.append(event(id, { changes: fieldChanges(before, after, ['isActive', 'deactivatedAt']) }));
    return toUserResponse(after);
  }

  /** Sets the given password or a generated one-time password, and signs the user out everywhere. */
  @Transactional()
  async resetPassword(id: string, dto: ResetPasswordDto): Promise<PasswordResetDto> {
    const user = await this.findManageable(id, currentScope('auth.users:reset-password'));
    const problems = dto.password ? passwordProblems(dto.password, user.email) : [];
    if (problems.length > 0) throw AuthErrors.weakPassword(problems, 'password');
    const oneTimePassword = dto.password ? null : generateOneTimePassword();
    await this.users.setPasswordHash(id, await this.hasher.hash(dto.password ?? (oneTimePassword as string)));
    await this.sessions.revokeAllOfUser(id);
    await this.outbox.append(AUTH_EVENTS.user.passwordReset(id, { generated: oneTimePassword !== null }));
    return { oneTimePassword };
  }

  /** In scope, and holding nothing the actor does not hold at least as wide. */
  async findManageable(id: string, scope: Scope): Promise<User> {
    const user = await this.findInScope(id, scope);
    assertCanManage(currentGrants(), await this.access.grantRowsOfUser(id));
    return user;
  }

  /** The account signing in, by e-mail (any state: the caller tells inactive ones apart). */
  findForSignIn(email: string): Promise<User | undefined> {
    return this.users.findByEmail(normalizeEmail(email));
  }

  /** The signed-in user's own account (no scope: everybody may see themselves). */
  findSelf(id: string): Promise<User | undefined> {
    return this.users.findById(id);
  }

  /** Not an edit of the user: keeps version and updated_* so a client's ETag stays valid. */
  recordLogin(id: string): Promise<void> {
    return this.users.recordLogin(id);
  }

  /** A profile change by the user themselves (`me`): applies and records the diff. */
  async updateOwnProfile(user: User, changes: Pick<UserChanges, 'name' | 'locale'>): Promise<User> {
    return Object.keys(changes).length === 0 ? user : this.applyChanges(user, changes, user.version);
  }

  /** Stores a new password hash (the caller checked the policy and revokes sign-ins). */
  async setPassword(id: string, password: string): Promise<void> {
    await this.users.setPasswordHash(id, await this.hasher.hash(password));
  }

  private async applyChanges(before: User, changes: UserChanges, version: number): Promise<User> {
    const after = await this.users.update(before.id, changes, version);
    if (!after) throw staleResource();
    const diff = fieldChanges(before, after, USER_EDITABLE_FIELDS);
    if (Object.keys(diff).length > 0) await this.outbox.append(AUTH_EVENTS.user.updated(before.id, { changes: diff }));
    return after;
  }

  private async findInScope(id: string, scope: Scope): Promise<User> {
    const user = await this.users.findById(id, scope);
    if (!user) throw AuthErrors.userNotFound(id);
    return user;
  }

  private async assertDepartment(departmentId: string | null, scope: Scope): Promise<void> {
    if (!departmentWithinScope(scope, currentContext().actorDepartmentId ?? null, departmentId)) {
      throw AppError.forbidden(OUT_OF_SCOPE, 'Your scope only covers users of your own department.');
    }
    if (departmentId && !(await this.departments.exists(departmentId))) throw referenceNotFound('departmentId', 'department');
  }
}
