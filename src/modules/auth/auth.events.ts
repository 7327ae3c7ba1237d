import type { LocalizedText } from '@libs/db';
import type { ChangesPayload } from '@libs/events';

/**
 * The auth context's domain events (`<ctx>.<aggregate>.<past-tense>`), appended to the outbox in
 * the transaction of the change. Payloads never carry password hashes, passwords or tokens.
 */
export const AUTH_EVENTS = {
  userCreated: 'auth.user.created',
  userUpdated: 'auth.user.updated',
  userDeactivated: 'auth.user.deactivated',
  userReactivated: 'auth.user.reactivated',
  userPasswordReset: 'auth.user.password-reset',
  userPasswordChanged: 'auth.user.password-changed',
  userLoggedIn: 'auth.user.logged-in',
  userRolesChanged: 'auth.user-roles.changed',
  departmentCreated: 'auth.department.created',
  departmentUpdated: 'auth.department.updated',
  departmentDeleted: 'auth.department.deleted',
  roleCreated: 'auth.role.created',
  roleUpdated: 'auth.role.updated',
  roleDeleted: 'auth.role.deleted',
} as const;

export type AuthEventType = (typeof AUTH_EVENTS)[keyof typeof AUTH_EVENTS];

export const AUTH_AGGREGATES = { user: 'user', department: 'department', role: 'role' } as const;

export interface UserSnapshot {
  email: string;
  name: string;
  locale: 'de' | 'en';
  departmentId: string | null;
  isActive: boolean;
}

export interface GrantSnapshot {
  permission: string;
  scope: 'own' | 'department' | 'all';
}

/** Payload of each event type (version 1). */
export interface AuthEventPayloads {
  'auth.user.created': { snapshot: UserSnapshot };
  'auth.user.updated': ChangesPayload;
  'auth.user.deactivated': ChangesPayload;
  'auth.user.reactivated': ChangesPayload;
  /** By an administrator; `generated`: a one-time password was handed out. */
  'auth.user.password-reset': { generated: boolean };
  /** By the user themselves; their other sign-ins were revoked. */
  'auth.user.password-changed': Record<string, never>;
  'auth.user.logged-in': { sessionId: string; userAgent: string | null };
  'auth.user-roles.changed': { added: string[]; removed: string[]; roleIds: string[] };
  'auth.department.created': { snapshot: { name: LocalizedText; parentId: string | null } };
  'auth.department.updated': ChangesPayload;
  'auth.department.deleted': { snapshot: { name: LocalizedText; parentId: string | null } };
  'auth.role.created': { snapshot: { key: string; name: LocalizedText; permissions: GrantSnapshot[] } };
  'auth.role.updated': ChangesPayload;
  'auth.role.deleted': { snapshot: { key: string; name: LocalizedText } };
}

export interface AuthEvent<T extends AuthEventType = AuthEventType> {
  type: T;
  aggregateType: (typeof AUTH_AGGREGATES)[keyof typeof AUTH_AGGREGATES];
  aggregateId: string;
  payload: AuthEventPayloads[T];
}

/** A typed event for `EventOutbox.append`. */
export function authEvent<T extends AuthEventType>(
  type: T,
  aggregateType: AuthEvent['aggregateType'],
  aggregateId: string,
  payload: AuthEventPayloads[T],
): AuthEvent<T> {
  return { type, aggregateType, aggregateId, payload };
}
