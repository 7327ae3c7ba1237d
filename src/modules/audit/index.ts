// The audit context's public surface. Other contexts never read audit_logs; they publish events.
export { AuditModule } from './audit.module';
export { AuditLogReader } from './audit-logs/audit-log-reader';
export type { AuditEntry, AuditEntryBound } from './audit-logs/audit-log-reader';
export { auditPermissions } from './audit.permissions';
export type { AuditPermission } from './audit.permissions';
export { AUDIT_SUBSCRIBER_NAME } from './audit.events';
