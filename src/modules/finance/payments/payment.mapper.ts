import { fieldColumns } from '@libs/csv';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { PaymentResponseDto, UpdatePaymentDto } from './payment.dto';
import type { Payment, payments } from './payments.schema';

const PAYMENT_FIELDS = ['invoiceId', 'amountCents', 'paidOn', 'method', 'reference', 'note', 'ownerId', 'departmentId'] as const satisfies readonly (keyof Payment)[];

export const PAYMENT_AUDITED_FIELDS = PAYMENT_FIELDS;
export const PAYMENT_EXPORT_COLUMNS = fieldColumns<Payment>(['id', 'createdAt', 'updatedAt', ...PAYMENT_FIELDS, 'deletedAt']);

export function toPaymentResponse(payment: Payment): PaymentResponseDto {
  return auditedPick(payment, PAYMENT_FIELDS) as PaymentResponseDto;
}

export function paymentColumns(dto: Partial<UpdatePaymentDto>, current?: Payment): ChangesOf<typeof payments> {
  const columns = pickDefined(pick(dto, ['amountCents', 'paidOn', 'method', 'reference', 'note']));
  return { ...columns, searchText: buildSearchText([columns.reference ?? current?.reference, columns.note ?? current?.note]) };
}
