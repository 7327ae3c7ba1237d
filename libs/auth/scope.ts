/** How much of a resource a grant covers: the actor's own records, their department's, or all. */
export type Scope = 'own' | 'department' | 'all';

export const SCOPES: readonly Scope[] = ['own', 'department', 'all'];

const RANK: Record<Scope, number> = { own: 0, department: 1, all: 2 };

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** True when `held` reaches at least as far as `requested` (all ⊇ department ⊇ own). */
export function scopeCovers(held: Scope | undefined, requested: Scope): boolean {
  return held !== undefined && RANK[held] >= RANK[requested];
}

export function widerScope(a: Scope, b: Scope): Scope {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Permission key → the widest scope any of the actor's roles grants for it. */
export type Grants = Readonly<Record<string, Scope>>;

export interface GrantRow {
  permission: string;
  scope: Scope;
}

/** Merges the grants of several roles: when two roles grant the same permission, the widest scope wins. */
export function mergeGrants(...sources: Iterable<GrantRow>[]): Grants {
  const merged: Record<string, Scope> = {};
  for (const source of sources) {
    for (const { permission, scope } of source) {
      merged[permission] = merged[permission] ? widerScope(merged[permission], scope) : scope;
    }
  }
  return merged;
}

export function grantRows(grants: Grants): GrantRow[] {
  return Object.entries(grants)
    .map(([permission, scope]) => ({ permission, scope }))
    .sort((a, b) => a.permission.localeCompare(b.permission));
}
