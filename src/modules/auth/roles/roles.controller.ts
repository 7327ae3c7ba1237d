import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { PERMISSIONS } from '../../../permissions.catalogue';
import { CreateRoleDto, ListRolesQueryDto, PermissionDto, RolePageDto, RoleResponseDto, UpdateRoleDto } from './roles.dto';
import { RolesService } from './roles.service';

@ApiTags('auth')
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('permissions')
  @Operation({ permission: 'auth.roles:read', summary: 'Every permission of the application, with its description', ok: [PermissionDto] })
  listPermissions(): PermissionDto[] {
    return PERMISSIONS.definitions.map(({ key, context, description }) => ({ key, context, description }));
  }

  @Get('roles')
  @Operation({ permission: 'auth.roles:read', summary: 'List roles with their permissions, by key', ok: RolePageDto })
  listRoles(@Query() query: ListRolesQueryDto): Promise<Page<RoleResponseDto>> {
    return this.roles.list(query);
  }

  @Get('roles/:id')
  @Operation({ permission: 'auth.roles:read', summary: 'A role with its permissions (ETag: its version)', ok: RoleResponseDto, problems: [404] })
  getRole(@UuidParam() id: string): Promise<RoleResponseDto> {
    return this.roles.get(id);
  }

  @Post('roles')
  @Operation({
    permission: 'auth.roles:create',
    summary: 'Create a role; you can only grant what you hold at least as wide',
    created: RoleResponseDto,
    problems: [409, 422],
    idempotent: true,
  })
  createRole(@Body() dto: CreateRoleDto): Promise<RoleResponseDto> {
    return this.roles.create(dto);
  }

  @Patch('roles/:id')
  @Operation({
    permission: 'auth.roles:update',
    summary: 'Rename a role or replace its permissions (If-Match); you can only add what you hold',
    ok: RoleResponseDto,
    problems: [404, 422],
    ifMatch: 'required',
  })
  updateRole(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateRoleDto): Promise<RoleResponseDto> {
    return this.roles.update(id, version, dto);
  }

  @Delete('roles/:id')
  @Operation({
    permission: 'auth.roles:delete',
    summary: 'Delete a role that no user holds (If-Match); seeded roles stay',
    noContent: 'Deleted',
    problems: [404, 409, 422],
    ifMatch: 'required',
  })
  deleteRole(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.roles.delete(id, version);
  }
}
