import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiProblemResponses } from '@libs/http';
import { AuditChainService } from './audit-chain.service';
import { AuditChainVerificationDto, AuditLogPageDto, FieldChangeDto, ListAuditLogsQueryDto, toAuditLogResponse } from './audit-log.dto';
import { AuditLogsService } from './audit-logs.service';

@ApiTags('audit')
@ApiExtraModels(FieldChangeDto)
@Controller('audit-logs')
export class AuditLogsController {
  constructor(
    private readonly auditLogs: AuditLogsService,
    private readonly chain: AuditChainService,
  ) {}

  @Get()
  @RequirePermission('audit.logs:read')
  @ApiOperation({ summary: 'Audit log, newest first; filter by entity, actor, action and time' })
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiProblemResponses(400)
  async listAuditLogs(@Query() query: ListAuditLogsQueryDto): Promise<AuditLogPageDto> {
    const page = await this.auditLogs.list(query);
    return { items: page.items.map(toAuditLogResponse), nextCursor: page.nextCursor };
  }

  @Get('verify')
  @RequirePermission('audit.logs:verify')
  @ApiOperation({ summary: 'Verify the hash chain of the whole audit log; reports the first broken link' })
  @ApiOkResponse({ type: AuditChainVerificationDto })
  verifyAuditLogs(): Promise<AuditChainVerificationDto> {
    return this.chain.verify();
  }
}
