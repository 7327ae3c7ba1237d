import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { CheckTime, ScheduledCheck, ScheduledCheckHandler } from '@libs/scheduled-checks';
import { FINANCE_EVENTS } from '../finance.events';
import { InvoicesService } from '../invoices/invoices.service';
import { FinanceNoticesRepository } from './finance-notices.repository';

const BATCH = 200;

/**
 * Daily: finalised invoices still not paid after their due date become `overdue` and are announced
 * once per invoice and due date (`finance.invoice.overdue`), the notice row and the event in one
 * transaction.
 */
@Injectable()
@ScheduledCheck({ name: 'finance.invoice-overdue', everyMinutes: 1440 })
export class InvoiceOverdueCheck implements ScheduledCheckHandler {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly invoices: InvoicesService,
    private readonly notices: FinanceNoticesRepository,
  ) {}

  async run(at: CheckTime): Promise<number> {
    let emitted = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.invoices.repository.overdueCandidates(at.today, afterId, BATCH);
      for (const candidate of batch) {
        const announced = await this.txHost.withTransaction(async () => {
          const invoice = await this.invoices.repository.findLocked(candidate.id);
          if (!invoice || !invoice.dueDate || invoice.paidCents >= invoice.amountDueCents || invoice.status === 'cancelled') return false;
          if (!(await this.notices.claim('invoice_overdue', invoice.id, invoice.dueDate))) return false;
          if (invoice.status !== 'overdue') await this.invoices.steps.apply(invoice, { status: 'overdue' }, 'all');
          await this.invoices.steps.publish(
            FINANCE_EVENTS.invoice.overdue(invoice.id, { invoiceId: invoice.id, number: invoice.number!, dueDate: invoice.dueDate, openCents: invoice.amountDueCents - invoice.paidCents, detectedOn: at.today }),
          );
          return true;
        });
        if (announced) emitted++;
      }
      if (batch.length < BATCH) return emitted;
      afterId = batch[batch.length - 1].id;
    }
  }
}
