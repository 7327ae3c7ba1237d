import { HttpStatus } from '@nestjs/common';
import { AppError } from '@libs/http';

/** 429 with the seconds to wait; the throttle interceptor turns them into a Retry-After header. */
export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super({
      code: 'AUTH_TOO_MANY_ATTEMPTS',
      status: HttpStatus.TOO_MANY_REQUESTS,
      detail: `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
    });
  }
}

/** The auth context's expected failures; the code is the contract, the detail is for humans. */
export const AuthErrors = {
  invalidCredentials: () => AppError.unauthorized('AUTH_INVALID_CREDENTIALS', 'The email address or password is wrong.'),
  tokenMissing: () => AppError.unauthorized('AUTH_TOKEN_MISSING', 'This route needs a bearer access token.'),
  tokenInvalid: () => AppError.unauthorized('AUTH_TOKEN_INVALID', 'The access token is invalid or has expired.'),
  userInactive: () => AppError.unauthorized('AUTH_USER_INACTIVE', 'The account is deactivated.'),
  sessionRevoked: () => AppError.unauthorized('AUTH_SESSION_REVOKED', 'This sign-in was ended (sign-out, password change or reset). Sign in again.'),
  refreshTokenInvalid: () =>
    AppError.unauthorized('AUTH_REFRESH_TOKEN_INVALID', 'The refresh token is invalid, expired or revoked. Sign in again.'),
  refreshTokenReused: () =>
    AppError.unauthorized(
      'AUTH_REFRESH_TOKEN_REUSED',
      'The refresh token was already used. Every session of this sign-in has been revoked; sign in again.',
    ),
  permissionDenied: (permission: string) =>
    AppError.forbidden('AUTH_PERMISSION_DENIED', `This action needs the permission ${permission}.`),
  routeNotDeclared: () =>
    AppError.forbidden('AUTH_ROUTE_NOT_DECLARED', 'This route declares no permission and is therefore closed.'),
  currentPasswordWrong: () => AppError.forbidden('AUTH_CURRENT_PASSWORD_WRONG', 'The current password is wrong.'),
  currentPasswordRequired: () =>
    AppError.badRequest('AUTH_CURRENT_PASSWORD_REQUIRED', 'Changing the password needs the current password.'),
  userNotFound: (id: string) => AppError.notFound('AUTH_USER_NOT_FOUND', `User ${id} does not exist or is outside your scope.`),
  emailTaken: () => AppError.conflict('AUTH_USER_EMAIL_TAKEN', 'Another user already has this email address.'),
  cannotDeactivateSelf: () => AppError.unprocessable('AUTH_CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account.'),
  departmentInUse: () =>
    AppError.conflict('AUTH_DEPARTMENT_IN_USE', 'The department still has users or sub-departments; move them first.'),
  departmentCycle: () => AppError.unprocessable('AUTH_DEPARTMENT_CYCLE', 'A department cannot be placed below itself.'),
  departmentParentDeleted: () =>
    AppError.conflict('AUTH_DEPARTMENT_PARENT_DELETED', 'The department above it is deleted; restore that one first or move this one.'),
  roleNotFound: (id: string) => AppError.notFound('AUTH_ROLE_NOT_FOUND', `Role ${id} does not exist.`),
  roleKeyTaken: () => AppError.conflict('AUTH_ROLE_KEY_TAKEN', 'Another role already has this key.'),
  roleInUse: () => AppError.conflict('AUTH_ROLE_IN_USE', 'The role is still assigned to users; remove it from them first.'),
  roleSystem: (detail: string) => AppError.unprocessable('AUTH_ROLE_SYSTEM', detail),
  unknownPermission: (keys: string[]) =>
    AppError.unprocessable(
      'AUTH_UNKNOWN_PERMISSION',
      `Unknown permission(s): ${keys.join(', ')}.`,
      keys.map((key) => ({ path: 'permissions', message: `${key} is not a permission of this application` })),
    ),
  weakPassword: (problems: string[], field = 'newPassword') =>
    AppError.validation(
      problems.map((message) => ({ path: field, message: `${field} ${message}` })),
      'The password does not meet the password policy.',
    ),
  duplicatePermission: (keys: string[]) =>
    AppError.unprocessable(
      'AUTH_DUPLICATE_PERMISSION',
      `Each permission may appear once per role: ${keys.join(', ')}.`,
      keys.map((key) => ({ path: 'permissions', message: `${key} appears more than once` })),
    ),
};
