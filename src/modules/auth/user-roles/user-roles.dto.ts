import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { GrantDto, RoleResponseDto } from '../roles/roles.dto';

export class ReplaceUserRolesDto {
  /** The complete set of roles the user should have afterwards. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  roleIds: string[];
}

export class UserRolesDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({ type: [RoleResponseDto] })
  roles: RoleResponseDto[];
  /** What the roles add up to: per permission the widest scope of any role. */
  @ApiProperty({ type: [GrantDto] })
  permissions: GrantDto[];
}
