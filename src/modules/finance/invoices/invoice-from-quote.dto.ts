import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate, IsCents } from '../shared/finance-validators';

export class InvoiceFromQuoteDto {
  /** down_payment: a share of the quote (percent or amount); final: the quote's lines, deducting the down payments received. */
  @ApiProperty({ enum: ['down_payment', 'final'], example: 'final' })
  @IsIn(['down_payment', 'final'])
  kind: 'down_payment' | 'final';

  /** Down payment as a share of the quote in basis points (3000 = 30 %). @example 3000 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  percentBasisPoints?: number;

  /** Down payment as a gross amount in cents (instead of a percentage). */
  @IsOptional()
  @IsCents(1, 500_000)
  grossCents?: number;

  @IsOptional()
  @IsCalendarDate('2026-11-20')
  serviceDate?: string;

  /** @example true */
  @IsOptional()
  @IsBoolean()
  propertyRelated?: boolean;
}
