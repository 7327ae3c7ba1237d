import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalUuid, SecretProperty } from '@libs/http';
import { PageQueryDto } from '@libs/pagination';
import { PageDto } from '@libs/resource';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './users.rules';

const LOCALES = ['de', 'en'] as const;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListUsersQueryDto extends PageQueryDto {
  /** Part of the name or email address (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @OptionalUuid()
  departmentId?: string;

  /** true: active users only; false: deactivated users only. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  /** @example "anna.schmidt@renewa.de" */
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  /** @example "Anna Schmidt" */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: 'de' | 'en';

  /** Department of the user; required when your scope is limited to your own department. */
  @OptionalUuid()
  departmentId?: string | null;

  /** Initial password; omit it to get a one-time password in the response. */
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

/** PATCH: only the fields sent change; `departmentId: null` removes the user from their department. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['password'] as const), { skipNullProperties: false }) {}

export class ResetPasswordDto {
  /** The new password; omit it to get a one-time password in the response. */
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  email: string;
  name: string;
  @ApiProperty({ enum: LOCALES })
  locale: 'de' | 'en';
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  departmentId: string | null;
  isActive: boolean;
  @ApiProperty({ nullable: true, type: Date })
  deactivatedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date })
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every edit; the ETag header carries it (send the ETag back as If-Match). */
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}

export const UserPageDto = PageDto(UserResponseDto);

export class CreatedUserDto extends UserResponseDto {
  /** Only when no password was given: shown once, never stored in clear. */
  @ApiPropertyOptional()
  @SecretProperty()
  oneTimePassword?: string;
}

export class PasswordResetDto {
  /** Only when no password was given: shown once, never stored in clear. */
  @ApiProperty({ nullable: true, type: String })
  @SecretProperty()
  oneTimePassword: string | null;
}
