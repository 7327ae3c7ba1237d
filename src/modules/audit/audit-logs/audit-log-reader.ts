import { Injectable } from '@nestjs/common';
import { AuditLogsRepository } from './audit-logs.repository';

/** One recorded change of an entity, for other contexts' views (a CRM timeline). */
export interface AuditEntry {
  id: string;
  /** ISO 8601 UTC with microseconds. */
  occurredAt: string;
  /** The event type, e.g. `crm.lead.updated`. */
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** Where the previous page ended: before (occurredAt, id), or before / at occurredAt when id is absent. */
export interface AuditEntryBound {
  occurredAt: string;
  id?: string;
  inclusive?: boolean;
}

/**
 * The audit context's query facade (exported from its index.ts): other contexts read recorded
 * changes through it, never the audit_logs table. Authorization is the caller's: it shows entries
 * of entities the caller has already checked the actor may see.
 */
@Injectable()
export class AuditLogReader {
  constructor(private readonly repository: AuditLogsRepository) {}

  /** Changes of these entities, newest first by (occurredAt, id), after `bound`, at most `limit`. */
  entries(entityType: string, entityIds: readonly string[], bound: AuditEntryBound | undefined, limit: number): Promise<AuditEntry[]> {
    if (entityIds.length === 0) return Promise.resolve([]);
    return this.repository.entriesOf(entityType, entityIds, bound, limit);
  }
}
