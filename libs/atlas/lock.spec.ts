import { ATLAS_APPLY_LOCK_KEY, fnv1_32 } from './lock';

it('the apply lock key is the 32-bit FNV-1 of "atlas_migrate_execute", as Atlas computes it', () => {
  expect(fnv1_32('atlas_migrate_execute')).toBe(ATLAS_APPLY_LOCK_KEY);
  expect(ATLAS_APPLY_LOCK_KEY).toBe(2686470616);
  expect(fnv1_32('atlas_migrate_diff')).toBe(361947982);
});
