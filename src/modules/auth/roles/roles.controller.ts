import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, Etagged, IfMatch, ParseUuidPipe } from '@libs/http';
import { PERMISSIONS } from '../../../permissions.catalogue';
import { CreateRoleDto, ListRolesQueryDto, PermissionDto, RolePageDto, RoleResponseDto, toRoleResponse, UpdateRoleDto } from './roles.dto';
import { RolesService } from './roles.service';

@ApiTags('auth')
@Etagged()
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('permissions')
  @RequirePermission('auth.roles:read')
  @ApiOperation({ summary: 'Every permission of the application, with its description' })
  @ApiOkResponse({ type: [PermissionDto] })
  listPermissions(): PermissionDto[] {
    return PERMISSIONS.definitions.map(({ key, context, description }) => ({ key, context, description }));
  }

  @Get('roles')
  @RequirePermission('auth.roles:read')
  @ApiOperation({ summary: 'List roles with their permissions, by key' })
  @ApiOkResponse({ type: RolePageDto })
  @ApiProblemResponses(400)
  async listRoles(@Query() query: ListRolesQueryDto): Promise<RolePageDto> {
    const page = await this.roles.list(query);
    return { items: page.items.map(({ role, grants }) => toRoleResponse(role, grants)), nextCursor: page.nextCursor };
  }

  @Get('roles/:id')
  @RequirePermission('auth.roles:read')
  @ApiOperation({ summary: 'A role with its permissions (ETag: its version)' })
  @ApiOkResponse({ type: RoleResponseDto })
  @ApiProblemResponses(400, 404)
  async getRole(@Param('id', ParseUuidPipe) id: string): Promise<RoleResponseDto> {
    const { role, grants } = await this.roles.get(id);
    return toRoleResponse(role, grants);
  }

  @Post('roles')
  @RequirePermission('auth.roles:create')
  @ApiOperation({ summary: 'Create a role; you can only grant what you hold at least as wide' })
  @ApiCreatedResponse({ type: RoleResponseDto })
  @ApiProblemResponses(400, 409, 422)
  async createRole(@Body() dto: CreateRoleDto): Promise<RoleResponseDto> {
    const { role, grants } = await this.roles.create(dto);
    return toRoleResponse(role, grants);
  }

  @Patch('roles/:id')
  @RequirePermission('auth.roles:update')
  @ApiOperation({ summary: 'Rename a role or replace its permissions (If-Match); you can only add what you hold' })
  @ApiOkResponse({ type: RoleResponseDto })
  @ApiProblemResponses(400, 404, 422)
  @ApiIfMatch()
  async updateRole(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateRoleDto,
    @IfMatch() version: number,
  ): Promise<RoleResponseDto> {
    const { role, grants } = await this.roles.update(id, dto, version);
    return toRoleResponse(role, grants);
  }

  @Delete('roles/:id')
  @HttpCode(204)
  @RequirePermission('auth.roles:delete')
  @ApiOperation({ summary: 'Delete a role that no user holds (If-Match); seeded roles stay' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, 404, 409, 422)
  @ApiIfMatch()
  deleteRole(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number): Promise<void> {
    return this.roles.delete(id, version);
  }
}
