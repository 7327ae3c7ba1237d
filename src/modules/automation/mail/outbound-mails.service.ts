import { Injectable } from '@nestjs/common';
import { Page, toPage } from '@libs/pagination';
import { createdAtCursor, parseCreatedAtCursor } from '../shared/created-at-cursor';
import type { ListOutboundMailsQueryDto, OutboundMailDto } from './outbound-mail.dto';
import { OutboundMailsRepository } from './outbound-mails.repository';

/** The record of automated mails (the local outbox without SMTP). */
@Injectable()
export class OutboundMailsService {
  constructor(private readonly mails: OutboundMailsRepository) {}

  async list(query: ListOutboundMailsQueryDto): Promise<Page<OutboundMailDto>> {
    const rows = await this.mails.list(query, parseCreatedAtCursor(query.cursor));
    return toPage(rows, query.limit, createdAtCursor, (row) => ({
      id: row.id,
      idempotencyKey: row.idempotencyKey,
      messageId: row.messageId,
      transport: row.transport,
      from: row.fromAddress,
      to: row.toAddress,
      language: row.language,
      subject: row.subject,
      text: row.text,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
    }));
  }
}
