import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiProblemResponses, ParseUuidPipe } from '@libs/http';
import { ReplaceUserRolesDto, UserRolesDto } from './user-roles.dto';
import { UserRolesService } from './user-roles.service';

@ApiTags('auth')
@Controller('users/:id/roles')
export class UserRolesController {
  constructor(private readonly userRoles: UserRolesService) {}

  @Get()
  @RequirePermission('auth.users:read')
  @ApiOperation({ summary: "A user's roles and the permissions they add up to" })
  @ApiOkResponse({ type: UserRolesDto })
  @ApiProblemResponses(400, 404)
  getUserRoles(@Param('id', ParseUuidPipe) id: string): Promise<UserRolesDto> {
    return this.userRoles.get(id);
  }

  @Put()
  @RequirePermission('auth.user-roles:assign')
  @ApiOperation({ summary: "Set a user's roles; you can only assign roles whose permissions you hold at least as wide" })
  @ApiOkResponse({ type: UserRolesDto })
  @ApiProblemResponses(400, 404)
  replaceUserRoles(@Param('id', ParseUuidPipe) id: string, @Body() dto: ReplaceUserRolesDto): Promise<UserRolesDto> {
    return this.userRoles.replace(id, dto.roleIds);
  }
}
