import { GrantRow, Grants, grantRows, isScope, mergeGrants } from '@libs/auth';
import { BASELINE_GRANTS } from '../auth.permissions';

const MAX_ENTRIES = 1000;

/**
 * The merged grants (the roles' grants plus the baseline every user has) per grant list, as the
 * principal statement returns it. The list is read on every request, so a changed role or grant
 * is a new list and a new entry: nothing here can go stale, it only saves parsing and merging
 * the same list again. Entries are frozen, as every request of those roles shares them.
 */
export class GrantsCache {
  private readonly byList = new Map<string, Grants>();

  grantsOf(grantList: string): Grants {
    let grants = this.byList.get(grantList);
    if (!grants) {
      grants = Object.freeze(mergeGrants(parseGrantList(grantList), grantRows(BASELINE_GRANTS)));
      if (this.byList.size >= MAX_ENTRIES) this.byList.clear();
      this.byList.set(grantList, grants);
    }
    return grants;
  }
}

/** `a:read=all,b:write=own` → grant rows (the format of AccessRepository.findPrincipalWithGrants). */
export function parseGrantList(grantList: string): GrantRow[] {
  if (grantList === '') return [];
  return grantList.split(',').map((entry) => {
    const at = entry.lastIndexOf('=');
    const scope = entry.slice(at + 1);
    if (at <= 0 || !isScope(scope)) throw new Error(`malformed grant list entry: ${entry}`);
    return { permission: entry.slice(0, at), scope };
  });
}
