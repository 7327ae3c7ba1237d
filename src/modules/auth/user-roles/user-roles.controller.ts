import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Operation } from '@libs/resource';
import { ReplaceUserRolesDto, UserRolesDto } from './user-roles.dto';
import { UserRolesService } from './user-roles.service';

@ApiTags('auth')
@Controller('users/:id/roles')
export class UserRolesController {
  constructor(private readonly userRoles: UserRolesService) {}

  @Get()
  @Operation({ permission: 'auth.users:read', summary: "A user's roles and the permissions they add up to", ok: UserRolesDto, problems: [404] })
  getUserRoles(@UuidParam() id: string): Promise<UserRolesDto> {
    return this.userRoles.get(id);
  }

  @Put()
  @Operation({
    permission: 'auth.user-roles:assign',
    summary: "Set a user's roles; you can only assign roles whose permissions you hold at least as wide",
    ok: UserRolesDto,
    problems: [404],
  })
  replaceUserRoles(@UuidParam() id: string, @Body() dto: ReplaceUserRolesDto): Promise<UserRolesDto> {
    return this.userRoles.replace(id, dto.roleIds);
  }
}
