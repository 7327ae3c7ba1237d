// Session-level advisory lock shared with the real Atlas CLI, so the two never apply
// concurrently. Key = 32-bit FNV-1 of "atlas_migrate_execute" (Atlas sql/postgres Lock).
import type { ClientBase } from 'pg';
import { AtlasLockError } from './errors';

export const ATLAS_APPLY_LOCK_KEY = 2686470616;

/** 32-bit FNV-1 (not FNV-1a), as Go's hash/fnv New32. */
export function fnv1_32(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * pg_try_advisory_lock retried with growing, randomised back-off (25 ms … ~1 s)
 * until `timeoutMs`; one attempt is always made, and one more at the deadline.
 */
export async function acquireAdvisoryLock(client: ClientBase, key: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let backoff = 25;
  for (;;) {
    const res = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
    if (res.rows[0]?.locked) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new AtlasLockError(
        `acquiring database lock: lock is held by another migrator (advisory lock ${key} ` +
          `still taken after ${timeoutMs} ms; is another deploy or \`atlas migrate apply\` running?)`,
      );
    }
    await sleep(Math.min(left, Math.round(backoff * (0.5 + Math.random()))));
    backoff = Math.min(backoff * 2, 1000);
  }
}

export async function releaseAdvisoryLock(client: ClientBase, key: number): Promise<boolean> {
  const res = await client.query<{ unlocked: boolean }>('SELECT pg_advisory_unlock($1::bigint) AS unlocked', [key]);
  return res.rows[0]?.unlocked === true;
}
