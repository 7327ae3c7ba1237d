import { Injectable } from '@nestjs/common';
import { FINANCE_EVENTS } from '../finance.events';
import { paymentStatus } from './invoice.rules';
import type { Invoice } from './invoices.schema';
import { InvoicesService } from './invoices.service';
import { berlinDate } from '@libs/shared';

/** Keeps an invoice's paid amount and status in step with its payments (inside the payment's transaction). */
@Injectable()
export class InvoiceBalanceService {
  constructor(private readonly invoices: InvoicesService) {}

  /** The invoice a payment is recorded against, locked, within `scope` (404 outside it). */
  lockForPayment(invoiceId: string, scope: Parameters<InvoicesService['steps']['find']>[1]): Promise<Invoice> {
    return this.invoices.steps.find(invoiceId, scope, { forUpdate: true });
  }

  /** Applies the sum of the live payments; announces `finance.invoice.paid` when they first cover the amount due. */
  async apply(invoice: Invoice, paidCents: number, lastPaidOn: string | null, today = berlinDate()): Promise<Invoice> {
    const status = paymentStatus({ status: invoice.status, amountDueCents: invoice.amountDueCents, paidCents, sentAt: invoice.sentAt, dueDate: invoice.dueDate, today });
    const paidAt = status === 'paid' ? (invoice.paidAt ?? new Date()) : null;
    if (status === invoice.status && paidCents === invoice.paidCents && (paidAt === null) === (invoice.paidAt === null)) return invoice;
    const updated = await this.invoices.steps.apply(invoice, { paidCents, status, paidAt }, 'all');
    if (status === 'paid' && invoice.status !== 'paid') {
      await this.invoices.steps.publish(
        FINANCE_EVENTS.invoice.paid(invoice.id, { invoiceId: invoice.id, number: invoice.number!, amountDueCents: invoice.amountDueCents, paidCents, paidOn: lastPaidOn ?? today }),
      );
    }
    return updated;
  }
}
