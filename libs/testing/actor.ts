import { ClsServiceManager } from 'nestjs-cls';
import type { Scope } from '@libs/auth';
import type { RequestContextStore } from '@libs/context';

export interface TestActor {
  id: string;
  departmentId?: string | null;
  /** permission → scope, as the auth guard would put them into the request context. */
  grants: Readonly<Record<string, Scope>>;
}

/**
 * Runs `fn` as if an authenticated request of `actor` were being handled: actor, department and
 * grants in the request context, so services called directly (module tests) apply the same
 * permissions and scopes as over HTTP. The app (or a module with RequestContextModule) must exist.
 */
export function asActor<T>(actor: TestActor, fn: () => Promise<T>): Promise<T> {
  const cls = ClsServiceManager.getClsService<RequestContextStore>();
  return cls.run({ ifNested: 'override' }, () => {
    cls.set('actorId', actor.id);
    cls.set('actorDepartmentId', actor.departmentId ?? null);
    cls.set('grants', actor.grants);
    cls.set('requestId', `test-${actor.id.slice(0, 8)}`);
    return fn();
  });
}

/** Every key of `permissions` with the same scope: `grantAll(crmPermissions.keys, 'department')`. */
export function grantAll(permissions: readonly string[], scope: Scope): Record<string, Scope> {
  return Object.fromEntries(permissions.map((permission) => [permission, scope]));
}
