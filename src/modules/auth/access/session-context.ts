import { ClsServiceManager } from 'nestjs-cls';

// Private to the auth context, so it lives in the request context under a symbol of its own.
const SESSION_ID = Symbol('auth.sessionId');

/** The sign-in (refresh-token family) of the current access token. */
export function setCurrentSessionId(sessionId: string): void {
  ClsServiceManager.getClsService().set(SESSION_ID, sessionId);
}

export function currentSessionId(): string | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? (cls.get(SESSION_ID) as string | undefined) : undefined;
}
