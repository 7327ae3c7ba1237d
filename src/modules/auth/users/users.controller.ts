import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CreatedUserDto, CreateUserDto, ListUsersQueryDto, PasswordResetDto, ResetPasswordDto, UpdateUserDto, UserPageDto, UserResponseDto } from './users.dto';
import { UsersService } from './users.service';

/**
 * User administration. Creating a user and resetting a password answer with a one-time password,
 * so they take no Idempotency-Key (a replay would store and hand out the secret again).
 */
@ApiTags('auth')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Operation({ permission: 'auth.users:read', summary: 'List users within your scope, by email', ok: UserPageDto })
  listUsers(@Query() query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'auth.users:read', summary: 'A user (ETag: its version)', ok: UserResponseDto, problems: [404] })
  getUser(@UuidParam() id: string): Promise<UserResponseDto> {
    return this.users.get(id);
  }

  @Post()
  @Operation({ permission: 'auth.users:create', summary: 'Create a user; without a password the response carries a one-time password', created: CreatedUserDto, problems: [404, 409, 422] })
  createUser(@Body() dto: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Operation({ permission: 'auth.users:update', summary: 'Edit a user (If-Match)', ok: UserResponseDto, problems: [404, 409, 422], ifMatch: 'required' })
  updateUser(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return this.users.update(id, version, dto);
  }

  @Post(':id/deactivate')
  @Operation({ permission: 'auth.users:deactivate', summary: 'Deactivate a user: no sign-in, no refresh, sessions revoked', ok: UserResponseDto, problems: [404, 422], idempotent: true })
  deactivateUser(@UuidParam() id: string): Promise<UserResponseDto> {
    return this.users.setActive(id, false);
  }

  @Post(':id/reactivate')
  @Operation({ permission: 'auth.users:deactivate', summary: 'Reactivate a deactivated user', ok: UserResponseDto, problems: [404], idempotent: true })
  reactivateUser(@UuidParam() id: string): Promise<UserResponseDto> {
    return this.users.setActive(id, true);
  }

  @Post(':id/reset-password')
  @Operation({
    permission: 'auth.users:reset-password',
    summary: "Set a user's password, or generate a one-time password; signs the user out everywhere",
    ok: PasswordResetDto,
    problems: [404],
  })
  resetUserPassword(@UuidParam() id: string, @Body() dto: ResetPasswordDto): Promise<PasswordResetDto> {
    return this.users.resetPassword(id, dto);
  }
}
