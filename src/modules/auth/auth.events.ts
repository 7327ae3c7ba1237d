import type { LocalizedText } from '@libs/shared';
import { ChangesPayload, defineEvents, payload, resourceEvents } from '@libs/events';

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

/**
 * The auth context's domain events, appended to the outbox in the transaction of the change.
 * Payloads never carry password hashes, passwords or tokens.
 */
export const AUTH_EVENTS = defineEvents('auth', {
  user: {
    created: payload<{ snapshot: UserSnapshot }>(),
    updated: payload<ChangesPayload>(),
    deactivated: payload<ChangesPayload>(),
    reactivated: payload<ChangesPayload>(),
    /** By an administrator; `generated`: a one-time password was handed out. */
    passwordReset: payload<{ generated: boolean }>(),
    /** By the user themselves; their other sign-ins were revoked. */
    passwordChanged: payload<Record<string, never>>(),
    loggedIn: payload<{ sessionId: string; userAgent: string | null }>(),
    /** The user's roles were replaced: role ids added and removed, and the complete set now. */
    rolesChanged: payload<{ added: string[]; removed: string[]; roleIds: string[] }>(),
  },
  department: resourceEvents(),
  role: {
    created: payload<{ snapshot: { key: string; name: LocalizedText; permissions: GrantSnapshot[] } }>(),
    updated: payload<ChangesPayload>(),
    deleted: payload<{ snapshot: { key: string; name: LocalizedText } }>(),
  },
});
