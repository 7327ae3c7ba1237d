import { sql } from 'drizzle-orm';
import type { Scope, ScopeActor } from '@libs/auth';
import type { PlaceholderValues } from '@libs/db';

/**
 * What decides the text of a scope condition (see scopeCondition): the scope and whether the
 * actor has an id and a department. Part of the key of a statement rendered once.
 */
export function scopeShape(scope: Scope | undefined, actor: ScopeActor): string {
  return `${scope ?? '-'}${actor.actorId ? 'a' : ''}${actor.actorDepartmentId ? 'd' : ''}`;
}

/** The actor for a statement rendered once: placeholders where the actor has ids, so the shape stays the same. */
export function actorPlaceholders(actor: ScopeActor): ScopeActor {
  return {
    actorId: actor.actorId ? (sql.placeholder('actorId') as unknown as string) : null,
    actorDepartmentId: actor.actorDepartmentId ? (sql.placeholder('actorDepartmentId') as unknown as string) : null,
  };
}

export function actorValues(actor: ScopeActor): PlaceholderValues {
  return { actorId: actor.actorId, actorDepartmentId: actor.actorDepartmentId };
}
