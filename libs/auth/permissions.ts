import type { LocalizedText } from '@libs/shared';

/** `<context>.<resource>:<action>`, all lower-case kebab: `crm.leads:read`, `auth.users:reset-password`. */
export type PermissionKey = `${string}.${string}:${string}`;

export const PERMISSION_KEY_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*:[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface PermissionDefinition<K extends PermissionKey = PermissionKey> {
  key: K;
  context: string;
  description: LocalizedText;
}

/** One context's permissions, as declared in its `<ctx>.permissions.ts`. */
export interface PermissionSet<K extends PermissionKey = PermissionKey> {
  context: string;
  keys: readonly K[];
  definitions: readonly PermissionDefinition<K>[];
}

export function isPermissionKey(value: unknown): value is PermissionKey {
  return typeof value === 'string' && PERMISSION_KEY_PATTERN.test(value);
}

/**
 * Declares a context's permissions with a description in every language. Throws at import time
 * on a malformed key or one outside the context, so a typo never reaches a route or a role.
 *
 *   export const crmPermissions = definePermissions('crm', {
 *     'crm.leads:read': { de: 'Leads ansehen', en: 'View leads' },
 *   });
 */
export function definePermissions<const T extends Record<PermissionKey, LocalizedText>>(
  context: string,
  declarations: T,
): PermissionSet<Extract<keyof T, PermissionKey>> {
  type K = Extract<keyof T, PermissionKey>;
  const definitions = Object.entries(declarations).map(([key, description]) => {
    if (!isPermissionKey(key)) throw new Error(`permission "${key}" is not of the form <context>.<resource>:<action> (lower-case kebab)`);
    if (!key.startsWith(`${context}.`)) throw new Error(`permission "${key}" is declared by context "${context}" but names another context`);
    return { key: key as K, context, description };
  });
  return { context, keys: definitions.map((d) => d.key), definitions };
}

/** Every permission of the application, from all contexts' sets. */
export interface PermissionCatalogue {
  readonly definitions: readonly PermissionDefinition[];
  readonly keys: readonly PermissionKey[];
  has(key: string): key is PermissionKey;
  get(key: string): PermissionDefinition | undefined;
}

export function createPermissionCatalogue(sets: readonly PermissionSet[]): PermissionCatalogue {
  const byKey = new Map<string, PermissionDefinition>();
  const contexts = new Set<string>();
  for (const set of sets) {
    if (contexts.has(set.context)) throw new Error(`permissions of context "${set.context}" are registered twice`);
    contexts.add(set.context);
    for (const definition of set.definitions) {
      if (byKey.has(definition.key)) throw new Error(`permission "${definition.key}" is declared twice`);
      byKey.set(definition.key, definition);
    }
  }
  const definitions = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
  return {
    definitions,
    keys: definitions.map((d) => d.key),
    has: (key: string): key is PermissionKey => byKey.has(key),
    get: (key: string) => byKey.get(key),
  };
}
