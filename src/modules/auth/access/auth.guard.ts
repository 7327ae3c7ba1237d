import { CanActivate, ExecutionContext, Injectable, Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { routeAccessMetadata } from '@libs/auth';
import { Locale, setContextValue } from '@libs/context';
import { AuthErrors } from '../auth.errors';
import { TokenService } from '../sessions/token.service';
import { AccessRepository } from './access.repository';
import { GrantsCache } from './grants-cache';
import { setCurrentSessionId } from './session-context';

/**
 * The global guard. `@Public()` routes pass. Every other route needs a valid bearer access token
 * of an active user (401 otherwise); the user, their department, locale and grants go into the
 * request context; then the route's `@RequirePermission` must be among the grants (403). A route
 * that declares neither is closed (403); the route-permission test catches it before that.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly grantsCache = new GrantsCache();
  /** Per handler: the declarations are fixed at boot, so they are read once. */
  private readonly routes = new WeakMap<Function, { controller: Type; access: ReturnType<typeof routeAccessMetadata> }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly access: AccessRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { isPublic, permission } = this.routeAccess(context.getClass(), context.getHandler());
    if (isPublic) {
      const locale = preferredLocale(request.headers['accept-language']);
      if (locale) setContextValue('locale', locale);
      return true;
    }

    const token = bearerToken(request.headers.authorization);
    if (!token) throw AuthErrors.tokenMissing();
    const claims = await this.tokens.verifyAccessToken(token);
    // One statement: the user, the sign-in's liveness and the grants, all read fresh.
    const principal = await this.access.findPrincipalWithGrants(claims.userId, claims.sessionId);
    if (!principal) throw AuthErrors.tokenInvalid();
    if (!principal.isActive) throw AuthErrors.userInactive();
    // Sign-out, reuse detection, a password change or reset revoke the refresh tokens: the access
    // tokens of that sign-in stop working at once, not when they expire.
    if (!principal.sessionLive) throw AuthErrors.sessionRevoked();
    const grants = this.grantsCache.grantsOf(principal.grantList);

    setContextValue('actorId', principal.id);
    setContextValue('actorDepartmentId', principal.departmentId);
    setContextValue('locale', principal.locale);
    setContextValue('grants', grants);
    setCurrentSessionId(claims.sessionId);

    if (!permission) throw AuthErrors.routeNotDeclared();
    if (!grants[permission]) throw AuthErrors.permissionDenied(permission);
    return true;
  }

  private routeAccess(controller: Type, handler: Function): ReturnType<typeof routeAccessMetadata> {
    const known = this.routes.get(handler);
    if (known?.controller === controller) return known.access;
    const access = routeAccessMetadata(this.reflector, controller, handler);
    this.routes.set(handler, { controller, access });
    return access;
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
