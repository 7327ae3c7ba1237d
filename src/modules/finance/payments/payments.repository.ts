import { Injectable } from '@nestjs/common';
import { and, asc, between, eq, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@libs/auth';
import { invoices } from '../invoices/invoices.schema';
import { rangeFilter } from '@libs/pagination';
import { CommonListFilters, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import type { PaymentMethod } from './payments.schema';
import { payments } from './payments.schema';

export interface PaymentFilters extends CommonListFilters {
  invoiceId?: string;
  method?: PaymentMethod[];
  paidFrom?: string;
  paidTo?: string;
}

const PAYMENTS: ResourceTableSpec<typeof payments> = {
  table: payments,
  scope: { ownerColumns: [payments.ownerId, payments.createdBy], departmentColumn: payments.departmentId },
  sort: {
    fields: {
      createdAt: { expression: payments.createdAt, type: 'timestamp' },
      paidOn: { expression: payments.paidOn, type: 'text' },
      amountCents: { expression: payments.amountCents, type: 'number' },
    },
    tieBreaker: payments.id,
    defaultSort: '-paidOn',
  },
  search: { text: payments.searchText },
  filters: { invoiceId: payments.invoiceId, method: payments.method },
};

@Injectable()
export class PaymentsRepository extends ResourceRepository<typeof payments, PaymentFilters> {
  protected readonly spec = PAYMENTS;

  protected override filterConditions(f: PaymentFilters) {
    return [rangeFilter(payments.paidOn, f.paidFrom, f.paidTo)];
  }

  /** Live payments received in [from, to] within `scope`, with their invoice's number; at most `limit`. */
  receivedBetween(from: string, to: string, scope: Scope, limit: number) {
    return this.db
      .select({ payment: payments, invoiceNumber: invoices.number })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(and(between(payments.paidOn, from, to), isNull(payments.deletedAt), this.scopeCondition(scope)))
      .orderBy(asc(payments.paidOn), asc(payments.id))
      .limit(limit);
  }

  /** The sum of an invoice's live payments and the latest value date. */
  async totalOf(invoiceId: string): Promise<{ paidCents: number; lastPaidOn: string | null }> {
    const [row] = await this.db
      .select({ paid: sql<string>`coalesce(sum(${payments.amountCents}), 0)`, last: sql<string | null>`max(${payments.paidOn})::text` })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoiceId), isNull(payments.deletedAt)));
    return { paidCents: Number(row.paid), lastPaidOn: row.last };
  }
}
