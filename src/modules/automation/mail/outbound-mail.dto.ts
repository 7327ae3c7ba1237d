import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@libs/pagination';
import { mailTransport, MailTransport } from './outbound-mails.schema';

export class ListOutboundMailsQueryDto extends PageQueryDto {
  /** `outbox`: kept locally because no SMTP_URL is set; `smtp`: sent. */
  @ApiPropertyOptional({ enum: mailTransport.enumValues })
  @IsOptional()
  @IsIn(mailTransport.enumValues)
  transport?: MailTransport;
}

export class OutboundMailDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  idempotencyKey: string;
  messageId: string;
  @ApiProperty({ enum: mailTransport.enumValues })
  transport: MailTransport;
  from: string;
  to: string;
  @ApiProperty({ enum: ['de', 'en'] })
  language: string;
  subject: string;
  text: string;
  createdAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  sentAt: Date | null;
}

export class OutboundMailPageDto {
  @ApiProperty({ type: [OutboundMailDto] })
  items: OutboundMailDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
