import { createHash } from 'node:crypto';
import type { FieldChanges } from '@libs/events';

/** prev_hash of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the hashed content ever changes; rows keep verifying under the version they were written with. */
const HASH_DOMAIN = 'renewa.audit_logs.v1';

/** The columns a row's hash covers: all content but `seq` and `hash` itself. */
export interface HashedAuditContent {
  id: string;
  eventId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChanges | null;
  requestId: string | null;
  clientIp: string | null;
  occurredAt: Date;
  recordedAt: Date;
  prevHash: string;
}

/**
 * JSON with object keys sorted (recursively) and no whitespace: the same value always gives the
 * same text, whatever key order jsonb hands back. Undefined members are dropped, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    if (typeof value === 'bigint') throw new Error('canonicalJson: bigint is not JSON');
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 (hex) over the row's canonical content, which includes the previous row's hash. */
export function auditHash(row: HashedAuditContent): string {
  const content = {
    id: row.id,
    eventId: row.eventId,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes,
    requestId: row.requestId,
    clientIp: row.clientIp,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    prevHash: row.prevHash,
  };
  return createHash('sha256').update(`${HASH_DOMAIN}\n${canonicalJson(content)}`, 'utf8').digest('hex');
}
