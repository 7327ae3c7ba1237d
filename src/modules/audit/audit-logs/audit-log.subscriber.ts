import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler, DomainEventSubscriber } from '@libs/events';
import { AUDIT_SUBSCRIBER_NAME } from '../audit.events';
import { AuditLogsService } from './audit-logs.service';

/** Every event of every context becomes one audit row (users, departments, roles from day one). */
@Injectable()
@DomainEventSubscriber({ name: AUDIT_SUBSCRIBER_NAME, types: ['*'] })
export class AuditLogSubscriber implements DomainEventHandler {
  constructor(private readonly auditLogs: AuditLogsService) {}

  handle(event: DomainEvent): Promise<void> {
    return this.auditLogs.recordAll([event]);
  }

  /** A relay batch in one go: one chain lock, one read of the chain head, one INSERT. */
  handleBatch(events: DomainEvent[]): Promise<void> {
    return this.auditLogs.recordAll(events);
  }
}
