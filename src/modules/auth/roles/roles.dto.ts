import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PERMISSION_KEY_PATTERN, Scope, SCOPES } from '@libs/auth';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { OptionalNotNull } from '@libs/http';
import { PageQueryDto } from '@libs/pagination';
import { PageDto } from '@libs/resource';
import { ROLE_KEY_PATTERN } from './roles.rules';

export class GrantDto {
  /** @example "crm.leads:read" */
  @IsString()
  @Matches(PERMISSION_KEY_PATTERN, { message: 'permission must look like <context>.<resource>:<action>' })
  permission: string;

  @ApiProperty({ enum: SCOPES, description: 'own: own records; department: the department’s; all: every record' })
  @IsIn(SCOPES)
  scope: Scope;
}

export class ListRolesQueryDto extends PageQueryDto {
  /** Part of the key or name. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CreateRoleDto {
  /** snake_case, unique. @example "site_manager" */
  @ApiProperty({ pattern: ROLE_KEY_PATTERN.source })
  @Matches(ROLE_KEY_PATTERN, { message: 'key must be snake_case: a lower-case letter, then 1-49 of a-z, 0-9, _' })
  key: string;

  @ApiLocalizedText()
  @IsLocalizedText({ maxLength: 100 })
  name: LocalizedText;

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  permissions: GrantDto[];
}

/** Only the fields sent change; neither may be null. */
export class UpdateRoleDto {
  @ApiLocalizedText({ required: false })
  @OptionalNotNull()
  @IsLocalizedText({ maxLength: 100 })
  name?: LocalizedText;

  /** Replaces the role's permissions. */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  permissions?: GrantDto[];
}

export class RoleResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  key: string;
  @ApiLocalizedText()
  name: LocalizedText;
  /** Seeded roles cannot be deleted. */
  isSystem: boolean;
  @ApiProperty({ type: [GrantDto] })
  permissions: GrantDto[];
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every edit; the ETag header carries it. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}

export const RolePageDto = PageDto(RoleResponseDto);

export class PermissionDto {
  /** @example "auth.users:read" */
  key: string;
  /** @example "auth" */
  context: string;
  @ApiLocalizedText()
  description: LocalizedText;
}
