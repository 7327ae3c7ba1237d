import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope, Scope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { FinanceErrors } from '../finance.errors';
import { FINANCE_EVENTS } from '../finance.events';
import { InvoiceBalanceService } from '../invoices/invoice-balance.service';
import { isOpenForPayments } from '../invoices/invoice.rules';
import { PaymentResponseDto, RecordPaymentDto, UpdatePaymentDto } from './payment.dto';
import { PAYMENT_AUDITED_FIELDS, paymentColumns, toPaymentResponse } from './payment.mapper';
import { PaymentFilters, PaymentsRepository } from './payments.repository';
import type { Payment, payments } from './payments.schema';

const PAYMENT: ResourceDefinition<Payment> = {
  name: 'payment',
  code: 'FINANCE_PAYMENT',
  permissions: resourcePermissions('finance.payments'),
  events: FINANCE_EVENTS.payment,
  auditedFields: PAYMENT_AUDITED_FIELDS,
};

/**
 * Payments received against finalised invoices (partial and over-payments included). Every change
 * re-derives the invoice's paid amount and status in the same transaction, with the invoice row
 * locked so concurrent payments add up.
 */
@Injectable()
export class PaymentsService extends ResourceService<typeof payments, PaymentFilters, PaymentResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: PaymentsRepository,
    outbox: EventOutbox,
    private readonly balance: InvoiceBalanceService,
  ) {
    super({ txHost, outbox, repository }, PAYMENT, toPaymentResponse);
  }

  async record(invoiceId: string, dto: RecordPaymentDto): Promise<PaymentResponseDto> {
    const scope = currentScope('finance.payments:create');
    return this.steps.transaction(async () => {
      const invoice = await this.balance.lockForPayment(invoiceId, scope);
      if (!isOpenForPayments(invoice.status, invoice.kind)) throw FinanceErrors.paymentOnUnfinalisedInvoice(invoiceId, invoice.status);
      const row = await this.steps.insert(
        { ...paymentColumns(dto), invoiceId, amountCents: dto.amountCents, paidOn: dto.paidOn, method: dto.method, ownerId: invoice.ownerId, departmentId: invoice.departmentId },
        { invoiceId },
      );
      const total = await this.repository.totalOf(invoiceId);
      await this.balance.apply(invoice, total.paidCents, total.lastPaidOn);
      return toPaymentResponse(row);
    });
  }

  async update(id: string, version: number, dto: UpdatePaymentDto): Promise<PaymentResponseDto> {
    return this.steps.transaction(async () => {
      const row = await this.steps.update(id, version, (current) => paymentColumns(dto, current));
      await this.rebalance(row.invoiceId);
      return toPaymentResponse(row);
    });
  }

  override async remove(id: string, version: number): Promise<void> {
    await this.steps.transaction(async () => {
      const row = await this.steps.remove(id, version);
      await this.rebalance(row.invoiceId);
    });
  }

  override async restore(id: string, version: number | undefined): Promise<PaymentResponseDto> {
    return this.steps.transaction(async () => {
      const row = await this.steps.restore(id, version);
      await this.rebalance(row.invoiceId);
      return toPaymentResponse(row);
    });
  }

  /** Payments received in a period within `scope` (the DATEV export). */
  receivedBetween(from: string, to: string, scope: Scope, limit: number) {
    return this.repository.receivedBetween(from, to, scope, limit);
  }

  private async rebalance(invoiceId: string): Promise<void> {
    const invoice = await this.balance.lockForPayment(invoiceId, 'all');
    const total = await this.repository.totalOf(invoiceId);
    await this.balance.apply(invoice, total.paidCents, total.lastPaidOn);
  }
}
