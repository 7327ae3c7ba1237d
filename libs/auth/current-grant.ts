import { contextValue } from '@libs/context';
import { AppError } from '@libs/http';
import type { Grants, Scope } from './scope';

/** The actor's grants from the request context (empty outside an authenticated request). */
export function currentGrants(): Grants {
  return contextValue('grants') ?? {};
}

/** The scope the actor holds for `permission`, or undefined. */
export function currentGrant(permission: string): Scope | undefined {
  return currentGrants()[permission];
}

/** Like currentGrant, but a missing grant is a 403: for services that need the scope to build a query. */
export function currentScope(permission: string): Scope {
  const scope = currentGrant(permission);
  if (!scope) throw AppError.forbidden('AUTH_PERMISSION_DENIED', `This action needs the permission ${permission}.`);
  return scope;
}
