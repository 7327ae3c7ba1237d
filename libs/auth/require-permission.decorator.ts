import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiProblemResponses } from '@libs/http';
import type { PermissionKey } from './permissions';

export const PERMISSION_METADATA_KEY = 'requiredPermission';
/** The security scheme name registered by the OpenAPI document builder. */
export const BEARER_SECURITY_SCHEME = 'bearer';

/**
 * The permission a route needs. The global auth guard checks it (401 without a valid token, 403
 * without the grant); the service then reads the grant's scope with `currentScope()`.
 * Documented in OpenAPI as bearer auth, 401/403 problems and the extension `x-permission`.
 */
export function RequirePermission(permission: PermissionKey): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(PERMISSION_METADATA_KEY, permission),
    ApiBearerAuth(BEARER_SECURITY_SCHEME),
    ApiProblemResponses(401, 403),
    ApiExtension('x-permission', permission),
  );
}
