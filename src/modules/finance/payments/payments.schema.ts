import { bigint, date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { invoices } from '../invoices/invoices.schema';

export const paymentMethod = pgEnum('finance_payment_method', ['bank_transfer', 'direct_debit', 'card', 'cash', 'other']);
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];

/**
 * Payments received against a finalised invoice; the invoice's paid amount and status are derived
 * from its live payments. Owner and department are copied from the invoice (its scope).
 */
export const payments = pgTable(
  'payments',
  {
    ...standardColumns(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** The day the money arrived (value date). */
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    method: paymentMethod('method').notNull(),
    /** Bank reference, Verwendungszweck. */
    reference: text('reference'),
    note: text('note'),
    ...ownershipColumns(),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('payments', t),
    ...ownershipIndexes('payments', t),
    index('payments_invoice_id_idx').on(t.invoiceId, t.paidOn),
    index('payments_paid_on_idx').on(t.paidOn, t.id),
    index('payments_method_idx').on(t.method),
    index('payments_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Payment = typeof payments.$inferSelect;
