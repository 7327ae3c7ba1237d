import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '@libs/http';
import { PERMISSION_METADATA_KEY } from './require-permission.decorator';

export interface RouteAccess {
  /** `GET /users/:id` (controller and handler paths joined, without the global prefix). */
  route: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  permission: string | undefined;
}

/** Reads `@Public()` / `@RequirePermission()` the way the guard does: the handler wins over its class. */
export function routeAccessMetadata(reflector: Reflector, controller: Type, handler: Function) {
  const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [handler, controller]) === true;
  const permission = reflector.getAllAndOverride<string | undefined>(PERMISSION_METADATA_KEY, [handler, controller]);
  return { isPublic, permission };
}

/** Every route handler registered in the application, with its access declaration. */
export function listRouteAccess(app: INestApplicationContext): RouteAccess[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: RouteAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prefixes = paths(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[name] as Function;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
        for (const prefix of prefixes) {
          for (const suffix of paths(path)) {
            const route = `${method} /${[prefix, suffix].filter(Boolean).join('/')}`.replace(/\/+/g, '/');
            routes.push({ route, controller: controller.name, handler: name, ...routeAccessMetadata(reflector, controller, handler) });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/** Routes that are neither `@Public()` nor `@RequirePermission(...)` — or, ambiguously, both. */
export function findUndeclaredRoutes(routes: readonly RouteAccess[]): string[] {
  return routes
    .filter((r) => r.isPublic === (r.permission !== undefined))
    .map((r) => `${r.route} (${r.controller}.${r.handler}): ${r.isPublic ? 'both @Public() and @RequirePermission' : 'neither @Public() nor @RequirePermission'}`);
}

function paths(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : [value ?? ''];
  return list.map((p) => p.replace(/^\/+|\/+$/g, ''));
}
