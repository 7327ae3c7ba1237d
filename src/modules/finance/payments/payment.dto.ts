import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { IsTrimmedString, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OwnedResponseDto, PageDto } from '@libs/resource';
import { IsCalendarDate, IsCents } from '../shared/finance-validators';
import { paymentMethod, PaymentMethod } from './payments.schema';

export const PAYMENT_SORTS = sortValues(['createdAt', 'paidOn', 'amountCents'] as const);

export class RecordPaymentDto {
  /** Amount received in cents (more than is due is an over-payment, kept as such). */
  @IsCents(1, 49980)
  amountCents: number;

  /** The value date. */
  @IsCalendarDate('2026-11-28')
  paidOn: string;

  @ApiProperty({ enum: paymentMethod.enumValues, example: 'bank_transfer' })
  @IsIn(paymentMethod.enumValues)
  method: PaymentMethod;

  /** Verwendungszweck / bank reference. @example "RE-2026-000042 Kühn" */
  @IsOptional()
  @IsTrimmedString(200)
  reference?: string | null;

  /** @example "Teilzahlung laut Telefonat" */
  @IsOptional()
  @IsTrimmedString(1000)
  note?: string | null;
}

/** PATCH: correct a recorded payment; the invoice's status follows. */
export class UpdatePaymentDto extends PartialType(RecordPaymentDto, { skipNullProperties: false }) {}

export class ListPaymentsQueryDto extends ListQueryDto {
  @IsSort(PAYMENT_SORTS, '-paidOn')
  sort?: string;

  @OptionalUuid()
  invoiceId?: string;

  @ApiPropertyOptional({ enum: paymentMethod.enumValues, isArray: true, maxItems: paymentMethod.enumValues.length })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(paymentMethod.enumValues.length)
  @IsIn(paymentMethod.enumValues, { each: true })
  method?: PaymentMethod[];

  /** Paid on or after this day. */
  @IsOptional()
  @IsCalendarDate('2026-01-01')
  paidFrom?: string;

  /** Paid on or before this day. */
  @IsOptional()
  @IsCalendarDate('2026-12-31')
  paidTo?: string;
}

export class ExportPaymentsQueryDto extends OmitType(ListPaymentsQueryDto, ['limit', 'cursor'] as const) {}

export class PaymentResponseDto extends OwnedResponseDto {
  @ApiProperty({ format: 'uuid' })
  invoiceId: string;
  @ApiProperty({ type: 'integer' })
  amountCents: number;
  @ApiProperty({ format: 'date' })
  paidOn: string;
  @ApiProperty({ enum: paymentMethod.enumValues })
  method: PaymentMethod;
  reference: string | null;
  note: string | null;
}

export const PaymentPageDto = PageDto(PaymentResponseDto);
