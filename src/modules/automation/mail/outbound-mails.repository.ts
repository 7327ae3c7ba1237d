import { Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { KeysetRequest } from '@libs/pagination';
import { OutboundMail, outboundMails } from './outbound-mails.schema';

export type NewOutboundMail = typeof outboundMails.$inferInsert;

@Injectable()
export class OutboundMailsRepository extends Repository {
  async findByKey(idempotencyKey: string): Promise<OutboundMail | undefined> {
    const [row] = await this.db.select().from(outboundMails).where(eq(outboundMails.idempotencyKey, idempotencyKey));
    return row;
  }

  /** Inserts the mail unless its key is taken; the row that holds the key either way. */
  async insertOnce(mail: NewOutboundMail): Promise<OutboundMail> {
    await this.db.insert(outboundMails).values(mail).onConflictDoNothing({ target: outboundMails.idempotencyKey });
    return (await this.findByKey(mail.idempotencyKey)) as OutboundMail;
  }

  async markSent(idempotencyKey: string): Promise<void> {
    await this.db
      .update(outboundMails)
      .set({ sentAt: sql`now()` })
      .where(and(eq(outboundMails.idempotencyKey, idempotencyKey), isNull(outboundMails.sentAt)));
  }

  /** Newest first; `after` is the previous page's last (createdAt, id). One row more than `limit`. */
  async list(page: KeysetRequest & { transport?: 'smtp' | 'outbox' }, after?: { createdAt: Date; id: string }): Promise<OutboundMail[]> {
    return this.db
      .select()
      .from(outboundMails)
      .where(
        and(
          page.transport ? eq(outboundMails.transport, page.transport) : undefined,
          after ? sql`(${outboundMails.createdAt}, ${outboundMails.id}) < (${after.createdAt}, ${after.id})` : undefined,
        ),
      )
      .orderBy(sql`${outboundMails.createdAt} desc`, sql`${outboundMails.id} desc`)
      .limit(page.limit + 1);
  }
}
