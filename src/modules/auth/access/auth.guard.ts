import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { grantRows, mergeGrants, routeAccessMetadata } from '@libs/auth';
import { Locale, setContextValue } from '@libs/context';
import { BASELINE_GRANTS } from '../auth.permissions';
import { AuthErrors } from '../auth.errors';
import { TokenService } from '../sessions/token.service';
import { AccessRepository } from './access.repository';
import { setCurrentSessionId } from './session-context';

/**
 * The global guard. `@Public()` routes pass. Every other route needs a valid bearer access token
 * of an active user (401 otherwise); the user, their department, locale and grants go into the
 * request context; then the route's `@RequirePermission` must be among the grants (403). A route
 * that declares neither is closed (403); the route-permission test catches it before that.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly access: AccessRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { isPublic, permission } = routeAccessMetadata(this.reflector, context.getClass(), context.getHandler());
    if (isPublic) {
      const locale = preferredLocale(request.headers['accept-language']);
      if (locale) setContextValue('locale', locale);
      return true;
    }

    const token = bearerToken(request.headers.authorization);
    if (!token) throw AuthErrors.tokenMissing();
    const claims = await this.tokens.verifyAccessToken(token);
    const principal = await this.access.findPrincipal(claims.userId, claims.sessionId);
    if (!principal) throw AuthErrors.tokenInvalid();
    if (!principal.isActive) throw AuthErrors.userInactive();
    // Sign-out, reuse detection, a password change or reset revoke the refresh tokens: the access
    // tokens of that sign-in stop working at once, not when they expire.
    if (!principal.sessionLive) throw AuthErrors.sessionRevoked();
    const grants = mergeGrants(await this.access.grantRowsOfUser(principal.id), grantRows(BASELINE_GRANTS));

    setContextValue('actorId', principal.id);
    setContextValue('actorDepartmentId', principal.departmentId);
    setContextValue('locale', principal.locale);
    setContextValue('grants', grants);
    setCurrentSessionId(claims.sessionId);

    if (!permission) throw AuthErrors.routeNotDeclared();
    if (!grants[permission]) throw AuthErrors.permissionDenied(permission);
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** `de` or `en` from Accept-Language for anonymous requests (the first supported tag wins). */
export function preferredLocale(header: string | undefined): Locale | undefined {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0].trim().slice(0, 2).toLowerCase();
    if (tag === 'de' || tag === 'en') return tag;
  }
  return undefined;
}
