import type { GrantRow } from '@libs/auth';
import type { RoleResponseDto } from './roles.dto';
import type { Role } from './roles.schema';

export function toRoleResponse(role: Role, permissions: GrantRow[]): RoleResponseDto {
  const { id, key, name, isSystem, createdAt, updatedAt, version } = role;
  return { id, key, name, isSystem, permissions, createdAt, updatedAt, version };
}
