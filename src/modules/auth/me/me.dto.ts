import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { GrantDto } from '../roles/roles.dto';
import { UserResponseDto } from '../users/users.dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../users/users.rules';

export class UpdateMeDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsIn(['de', 'en'])
  locale?: 'de' | 'en';

  /** Required with newPassword. */
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword?: string;

  /** Signs out every other session of yours. */
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword?: string;
}

export class RoleSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  key: string;
  @ApiLocalizedText()
  name: LocalizedText;
}

export class MeDto {
  user: UserResponseDto;
  @ApiProperty({ type: [RoleSummaryDto] })
  roles: RoleSummaryDto[];
  /** Effective permissions: per permission the widest scope of your roles, plus what every user has. */
  @ApiProperty({ type: [GrantDto] })
  permissions: GrantDto[];
}
