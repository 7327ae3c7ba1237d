import { pick } from '@libs/resource';
import type { UserResponseDto } from './users.dto';
import type { User } from './users.schema';

/** What a user answers with: never the password hash. */
const USER_RESPONSE_FIELDS = [
  'id', 'email', 'name', 'locale', 'departmentId', 'isActive', 'deactivatedAt', 'lastLoginAt', 'createdAt', 'updatedAt', 'version',
] as const satisfies readonly (keyof User)[];

/** The fields an edit of a user records in the audit log. */
export const USER_EDITABLE_FIELDS = ['email', 'name', 'locale', 'departmentId'] as const satisfies readonly (keyof User)[];

export function toUserResponse(user: User): UserResponseDto {
  return pick(user, USER_RESPONSE_FIELDS);
}
