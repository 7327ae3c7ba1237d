import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsTrimmedString, OptionalNotNull } from '@libs/http';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { GrantDto } from '../roles/roles.dto';
import { UserResponseDto } from '../users/users.dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../users/users.rules';

/** Only the fields sent change; none of them may be null. */
export class UpdateMeDto {
  @OptionalNotNull()
  @IsTrimmedString(200)
  name?: string;

  @OptionalNotNull()
  @IsIn(['de', 'en'])
  locale?: 'de' | 'en';

  /** Required with newPassword. */
  @OptionalNotNull()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword?: string;

  /** Signs out every other session of yours. */
  @OptionalNotNull()
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
