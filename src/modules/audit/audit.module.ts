import { Module } from '@nestjs/common';
import { AuditChainService } from './audit-logs/audit-chain.service';
import { AuditLogReader } from './audit-logs/audit-log-reader';
import { AuditLogSubscriber } from './audit-logs/audit-log.subscriber';
import { AuditLogsController } from './audit-logs/audit-logs.controller';
import { AuditLogsRepository } from './audit-logs/audit-logs.repository';
import { AuditLogsService } from './audit-logs/audit-logs.service';

/**
 * The audit context: consumes every domain event, publishes none; other contexts read recorded
 * changes through AuditLogReader (import this module). Needs EventsModule (global).
 */
@Module({
  controllers: [AuditLogsController],
  providers: [AuditLogsRepository, AuditLogsService, AuditChainService, AuditLogSubscriber, AuditLogReader],
  exports: [AuditLogReader],
})
export class AuditModule {}
