import { ClsServiceManager, ClsStore } from 'nestjs-cls';

/** The actor recorded for work nobody requested over HTTP: seeds, relays, scheduled jobs. */
export const SYSTEM_ACTOR_ID = '00000000-0000-4000-8000-000000000000';

export type Locale = 'de' | 'en';

export interface RequestContextStore extends ClsStore {
  requestId?: string;
  actorId?: string;
  actorDepartmentId?: string | null;
  locale?: Locale;
  clientIp?: string;
  /** The actor's effective permissions and their widest scope, set by the auth guard. */
  grants?: Readonly<Record<string, 'own' | 'department' | 'all'>>;
}

function store() {
  return ClsServiceManager.getClsService<RequestContextStore>();
}

/** The acting user's id, the system actor in background work, or null outside any context. */
export function currentActorId(): string | null {
  const cls = store();
  return cls.isActive() ? (cls.get('actorId') ?? null) : null;
}

export function currentRequestId(): string | undefined {
  const cls = store();
  return cls.isActive() ? cls.get('requestId') : undefined;
}

export function currentContext(): Readonly<RequestContextStore> {
  const cls = store();
  if (!cls.isActive()) return {};
  return {
    requestId: cls.get('requestId'),
    actorId: cls.get('actorId'),
    actorDepartmentId: cls.get('actorDepartmentId'),
    locale: cls.get('locale'),
    clientIp: cls.get('clientIp'),
    grants: cls.get('grants'),
  };
}

/** The acting user and their department (what scope conditions need), without copying the whole context. */
export function currentActor(): { actorId: string | null; actorDepartmentId: string | null } {
  const cls = store();
  if (!cls.isActive()) return { actorId: null, actorDepartmentId: null };
  return { actorId: cls.get('actorId') ?? null, actorDepartmentId: cls.get('actorDepartmentId') ?? null };
}

/** One value of the request context (undefined outside one). */
export function contextValue<K extends keyof RequestContextStore>(key: K): RequestContextStore[K] | undefined {
  const cls = store();
  return cls.isActive() ? cls.get(key) : undefined;
}

export function setContextValue<K extends keyof RequestContextStore>(key: K, value: RequestContextStore[K]): void {
  store().set(key, value);
}

/**
 * Runs background work in a fresh context acting as the system actor (or another explicit actor),
 * so audit columns and events never record an empty actor.
 */
export function runAsActor<T>(fn: () => Promise<T>, actorId = SYSTEM_ACTOR_ID, requestId?: string): Promise<T> {
  return store().run({ ifNested: 'override' }, () => {
    store().set('actorId', actorId);
    if (requestId) store().set('requestId', requestId);
    return fn();
  });
}
