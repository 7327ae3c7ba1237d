import { createHash } from 'node:crypto';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { AppConfig, InjectAppConfig } from '@libs/config';
import type { MailTransport } from './outbound-mails.schema';
import { OutboundMailsRepository } from './outbound-mails.repository';

export interface MailToSend {
  /** The same for every attempt of one send: the step's key. */
  idempotencyKey: string;
  to: string;
  language: 'de' | 'en';
  subject: string;
  text: string;
}

export interface MailResult {
  mailId: string;
  messageId: string;
  transport: MailTransport;
  /** True when an earlier attempt had already delivered it (nothing was sent now). */
  alreadySent: boolean;
}

/**
 * Sends automated mails: through SMTP when SMTP_URL is set, otherwise into the local outbox table.
 * Delivery is at least once, de-duplicated by the idempotency key: the key's row is written before
 * the SMTP conversation and marked sent after it, so a retry after a success never sends again; a
 * crash between the server's acceptance and that mark sends once more with the same Message-ID
 * (derived from the key) and `X-Idempotency-Key`, by which the receiving side recognises it.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly mails: OutboundMailsRepository,
  ) {}

  async send(mail: MailToSend): Promise<MailResult> {
    const messageId = messageIdFor(mail.idempotencyKey);
    const transport: MailTransport = this.config.mail.smtpUrl ? 'smtp' : 'outbox';
    const existing = await this.mails.findByKey(mail.idempotencyKey);
    if (existing && (existing.sentAt || existing.transport === 'outbox')) {
      return { mailId: existing.id, messageId: existing.messageId, transport: existing.transport, alreadySent: true };
    }
    const row =
      existing ??
      (await this.mails.insertOnce({
        idempotencyKey: mail.idempotencyKey,
        messageId,
        transport,
        fromAddress: this.config.mail.from,
        toAddress: mail.to,
        language: mail.language,
        subject: mail.subject,
        text: mail.text,
      }));
    if (row.transport === 'outbox') return { mailId: row.id, messageId: row.messageId, transport: 'outbox', alreadySent: false };
    await this.smtp().sendMail({
      from: row.fromAddress,
      to: row.toAddress,
      subject: row.subject,
      text: row.text,
      messageId: row.messageId,
      headers: { 'Content-Language': row.language, 'X-Idempotency-Key': row.idempotencyKey, 'Auto-Submitted': 'auto-generated' },
    });
    await this.mails.markSent(row.idempotencyKey);
    return { mailId: row.id, messageId: row.messageId, transport: 'smtp', alreadySent: false };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private smtp(): Transporter {
    // nodemailer is loaded with the first SMTP mail, not at boot (bench/boot).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.transport ??= (require('nodemailer') as typeof import('nodemailer')).createTransport(this.config.mail.smtpUrl as string);
    return this.transport;
  }
}

/** `<hash of the key>@renewa.automation`: stable across attempts, and a valid Message-ID whatever the key. */
export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@renewa.automation>`;
}
