// Boot check: an @Idempotent() route stores its response body (idempotency_keys.response_body,
// kept 24 hours) and replays it to any retry with the key, so its response must carry no secret.
import { Injectable, OnModuleInit, RequestMethod, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import { secretPropertiesOf } from '@libs/http';
import { IdempotencyInterceptor } from './idempotency.interceptor';

// @nestjs/swagger's metadata keys (its DECORATORS constant, which the package does not export).
const API_RESPONSE = 'swagger/apiResponse';
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

type ResponseEntry = { type?: unknown };
type Handler = (...args: unknown[]) => unknown;

const isClass = (value: unknown): value is Type => typeof value === 'function' && value.prototype !== undefined;

/** A documented type: a class, `[Class]`, a lazy `() => Class`, or something that is no DTO ('string'). */
function resolveType(type: unknown): Type | undefined {
  const single = Array.isArray(type) ? type[0] : type;
  if (isClass(single)) return single;
  if (typeof single === 'function') return resolveType((single as () => unknown)());
  return undefined;
}

/** `Class.property` of every secret in `type` and the DTOs it nests (as documented with @ApiProperty). */
export function secretPaths(type: Type, seen = new Set<Type>()): string[] {
  if (seen.has(type)) return [];
  seen.add(type);
  const paths = secretPropertiesOf(type).map((name) => `${type.name}.${name}`);
  const documented = (Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, type.prototype) as string[] | undefined) ?? [];
  for (const key of documented) {
    const property = Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype, key.replace(/^:/, '')) as ResponseEntry | undefined;
    const nested = resolveType(property?.type);
    if (nested) paths.push(...secretPaths(nested, seen));
  }
  return paths;
}

function handlersOf(controller: Type): Array<[string, Handler]> {
  const handlers = new Map<string, Handler>();
  for (let proto = controller.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      if (name !== 'constructor' && !handlers.has(name) && typeof value === 'function' && Reflect.hasMetadata(METHOD_METADATA, value)) {
        handlers.set(name, value as Handler);
      }
    }
  }
  return [...handlers];
}

const interceptorsOf = (target: object) => (Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[] | undefined) ?? [];

function describeRoute(controller: Type, name: string, handler: Handler): string {
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
  const path = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)]
    .map((part: unknown) => String(part ?? '').replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `${controller.name}.${name} (${method} /${path})`;
}

/** One line per @Idempotent() route whose success response carries a secret or is not documented. */
export function idempotentRouteProblems(controllers: readonly Type[]): string[] {
  const problems: string[] = [];
  for (const controller of controllers) {
    const classWide = interceptorsOf(controller).includes(IdempotencyInterceptor);
    for (const [name, handler] of handlersOf(controller)) {
      if (!classWide && !interceptorsOf(handler).includes(IdempotencyInterceptor)) continue;
      const route = describeRoute(controller, name, handler);
      const responses = {
        ...((Reflect.getMetadata(API_RESPONSE, controller) as Record<string, ResponseEntry> | undefined) ?? {}),
        ...((Reflect.getMetadata(API_RESPONSE, handler) as Record<string, ResponseEntry> | undefined) ?? {}),
      };
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) {
        problems.push(`${route}: documents no success response, so its body cannot be checked for secrets; add @ApiOkResponse/@ApiCreatedResponse({ type })`);
        continue;
      }
      const secrets = success.flatMap(([, entry]) => {
        const type = resolveType(entry.type);
        return type ? secretPaths(type) : [];
      });
      if (secrets.length > 0) {
        problems.push(
          `${route}: its response carries ${[...new Set(secrets)].join(', ')} (@SecretProperty()), which @Idempotent() would store ` +
            'in clear and replay to any retry with the key; remove @Idempotent() from this route',
        );
      }
    }
  }
  return problems;
}

/** Refuses to boot an app with an @Idempotent() route that would store and replay a secret. */
@Injectable()
export class IdempotentSecretsCheck implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const controllers = this.discovery
      .getControllers()
      .map((wrapper) => wrapper.metatype)
      .filter(isClass);
    const problems = idempotentRouteProblems([...new Set(controllers)]);
    if (problems.length > 0) {
      throw new Error(`@Idempotent() on a route whose response is not safe to store:\n- ${problems.join('\n- ')}`);
    }
  }
}
