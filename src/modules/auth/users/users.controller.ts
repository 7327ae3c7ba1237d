import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, Etagged, IfMatch, ParseUuidPipe } from '@libs/http';
import {
  CreatedUserDto,
  CreateUserDto,
  ListUsersQueryDto,
  PasswordResetDto,
  ResetPasswordDto,
  toUserResponse,
  UpdateUserDto,
  UserPageDto,
  UserResponseDto,
} from './users.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Etagged()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('auth.users:read')
  @ApiOperation({ summary: 'List users within your scope, by email' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblemResponses(400)
  async listUsers(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    const page = await this.users.list(query);
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('auth.users:read')
  @ApiOperation({ summary: 'A user (ETag: its version)' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblemResponses(400, 404)
  async getUser(@Param('id', ParseUuidPipe) id: string): Promise<UserResponseDto> {
    const user = await this.users.get(id);
    return toUserResponse(user);
  }

  @Post()
  @RequirePermission('auth.users:create')
  @ApiOperation({ summary: 'Create a user; without a password the response carries a one-time password' })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiProblemResponses(400, 404, 409)
  async createUser(@Body() dto: CreateUserDto): Promise<CreatedUserDto> {
    const { user, oneTimePassword } = await this.users.create(dto);
    return { ...toUserResponse(user), ...(oneTimePassword && { oneTimePassword }) };
  }

  @Patch(':id')
  @RequirePermission('auth.users:update')
  @ApiOperation({ summary: 'Edit a user (If-Match: the ETag you read)' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblemResponses(400, 404, 409)
  @ApiIfMatch()
  async updateUser(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateUserDto,
    @IfMatch() version: number,
  ): Promise<UserResponseDto> {
    const user = await this.users.update(id, dto, version);
    return toUserResponse(user);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('auth.users:deactivate')
  @ApiOperation({ summary: 'Deactivate a user: no sign-in, no refresh, sessions revoked' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblemResponses(400, 404, 422)
  async deactivateUser(@Param('id', ParseUuidPipe) id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.setActive(id, false));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermission('auth.users:deactivate')
  @ApiOperation({ summary: 'Reactivate a deactivated user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblemResponses(400, 404)
  async reactivateUser(@Param('id', ParseUuidPipe) id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.setActive(id, true));
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @RequirePermission('auth.users:reset-password')
  @ApiOperation({ summary: "Set a user's password, or generate a one-time password; signs the user out everywhere" })
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiProblemResponses(400, 404)
  resetUserPassword(@Param('id', ParseUuidPipe) id: string, @Body() dto: ResetPasswordDto): Promise<PasswordResetDto> {
    return this.users.resetPassword(id, dto);
  }
}
