import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ListOutboundMailsQueryDto, OutboundMailDto, OutboundMailPageDto } from './outbound-mail.dto';
import { OutboundMailsService } from './outbound-mails.service';

@ApiTags('automation')
@Controller('automation/outbox')
export class OutboxController {
  constructor(private readonly mails: OutboundMailsService) {}

  @Get()
  @Operation({
    permission: 'automation.runs:read',
    summary: 'Automated mails, newest first: kept in the local outbox without SMTP_URL, or sent',
    ok: OutboundMailPageDto,
  })
  listOutboundMails(@Query() query: ListOutboundMailsQueryDto): Promise<Page<OutboundMailDto>> {
    return this.mails.list(query);
  }
}
