import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { assertCanGrant, currentGrants, GrantRow } from '@libs/auth';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { decodeCursor, Page, toPage } from '@libs/pagination';
import { PERMISSIONS } from '../../../permissions.catalogue';
import { AUTH_EVENTS } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { CreateRoleDto, ListRolesQueryDto, RoleResponseDto, UpdateRoleDto } from './roles.dto';
import { toRoleResponse } from './roles.mapper';
import { RolesRepository } from './roles.repository';
import { ADMIN_ROLE_KEY, duplicatePermissions, sortGrants, widenedGrants } from './roles.rules';
import type { Role } from './roles.schema';

export interface RoleWithGrants {
  role: Role;
  grants: GrantRow[];
}

@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListRolesQueryDto): Promise<Page<RoleResponseDto>> {
    const after = query.cursor ? decodeCursor(query.cursor, ['string'] as const)[0] : undefined;
    const rows = await this.roles.list({ ...query, after });
    const page = toPage(rows, query.limit, (role) => [role.key]);
    const grants = await this.roles.grantsOf(page.items.map((r) => r.id));
    return { items: page.items.map((role) => toRoleResponse(role, grants.get(role.id) ?? [])), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<RoleResponseDto> {
    const { role, grants } = await this.find(id);
    return toRoleResponse(role, grants);
  }

  /** Live roles among `ids` (user-role assignment). */
  findByIds(ids: readonly string[]): Promise<Role[]> {
    return this.roles.findByIds(ids);
  }

  /** The grants of each role, keyed by role id. */
  grantsOf(roleIds: readonly string[]): Promise<Map<string, GrantRow[]>> {
    return this.roles.grantsOf(roleIds);
  }

  private async find(id: string): Promise<RoleWithGrants> {
    const role = await this.roles.findById(id);
    if (!role) throw AuthErrors.roleNotFound(id);
    return { role, grants: (await this.roles.grantsOf([id])).get(id) ?? [] };
  }

  /** Nobody can create a role with permissions (or scopes) they do not hold themselves. */
  @Transactional()
  async create(dto: CreateRoleDto): Promise<RoleResponseDto> {
    const grants = this.validGrants(dto.permissions);
    assertCanGrant(currentGrants(), grants);
    const role = await this.roles.insert({ key: dto.key, name: dto.name });
    await this.roles.replaceGrants(role.id, grants);
    await this.outbox.append(AUTH_EVENTS.role.created(role.id, { snapshot: { key: role.key, name: role.name, permissions: grants } }));
    return toRoleResponse(role, grants);
  }

  /** Only grants that are new or wider than before are checked against the actor's own. */
  @Transactional()
  async update(id: string, version: number, dto: UpdateRoleDto): Promise<RoleResponseDto> {
    const before = await this.find(id);
    if (before.role.version !== version) throw staleResource();
    const grants = dto.permissions ? this.validGrants(dto.permissions) : before.grants;
    if (dto.permissions && before.role.key === ADMIN_ROLE_KEY && before.role.isSystem) {
      throw AuthErrors.roleSystem('The permissions of the administrator role cannot be changed.');
    }
    assertCanGrant(currentGrants(), widenedGrants(before.grants, grants));
    const role = await this.roles.update(id, dto.name ? { name: dto.name } : {}, version);
    if (!role) throw staleResource();
    if (dto.permissions) await this.roles.replaceGrants(id, grants);
    const changes = fieldChanges(
      { name: before.role.name, permissions: before.grants },
      { name: role.name, permissions: grants },
      ['name', 'permissions'],
    );
    if (Object.keys(changes).length > 0) await this.outbox.append(AUTH_EVENTS.role.updated(id, { changes }));
    return toRoleResponse(role, grants);
  }

  @Transactional()
  async delete(id: string, version: number): Promise<void> {
    const { role } = await this.find(id);
    if (role.version !== version) throw staleResource();
    if (role.isSystem) throw AuthErrors.roleSystem('Seeded roles cannot be deleted.');
    if (await this.roles.isAssigned(id)) throw AuthErrors.roleInUse();
    if (!(await this.roles.softDelete(id, version))) throw staleResource();
    await this.outbox.append(AUTH_EVENTS.role.deleted(id, { snapshot: { key: role.key, name: role.name } }));
  }

  private validGrants(grants: readonly GrantRow[]): GrantRow[] {
    const unknown = grants.map((g) => g.permission).filter((key) => !PERMISSIONS.has(key));
    if (unknown.length > 0) throw AuthErrors.unknownPermission(unknown);
    const duplicates = duplicatePermissions(grants);
    if (duplicates.length > 0) throw AuthErrors.duplicatePermission(duplicates);
    return sortGrants(grants);
  }
}
