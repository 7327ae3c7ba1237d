import { AppError } from '@libs/http';
import { Grants, GrantRow, scopeCovers } from './scope';

/** The requested grants the actor does not hold at least as wide: what granting them would escalate. */
export function missingGrants(held: Grants, requested: Iterable<GrantRow>): GrantRow[] {
  return [...requested].filter(({ permission, scope }) => !scopeCovers(held[permission], scope));
}

const describe = (grants: GrantRow[]) => grants.map((g) => `${g.permission} (${g.scope})`).join(', ');

/**
 * Nobody hands out more than they hold: granting a permission (to a role, or to a user through a
 * role) needs that permission with at least the same scope. So nobody can escalate themselves.
 */
export function assertCanGrant(held: Grants, requested: Iterable<GrantRow>): void {
  const missing = missingGrants(held, requested);
  if (missing.length === 0) return;
  throw AppError.forbidden('AUTH_GRANT_EXCEEDS_OWN', `You cannot grant permissions you do not hold at least as wide: ${describe(missing)}.`);
}

/**
 * Managing an account (resetting its password, deactivating it, changing its roles or email)
 * would hand over everything it holds, so the actor must hold at least as much.
 */
export function assertCanManage(held: Grants, target: Iterable<GrantRow>): void {
  const missing = missingGrants(held, target);
  if (missing.length === 0) return;
  throw AppError.forbidden(
    'AUTH_TARGET_EXCEEDS_OWN',
    `You cannot manage a user who holds permissions you do not hold at least as wide: ${describe(missing)}.`,
  );
}
