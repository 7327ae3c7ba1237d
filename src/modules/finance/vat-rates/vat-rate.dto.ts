import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../shared/finance-validators';
import { VAT_CATEGORIES, type VatCategory } from '../shared/vat-category';

export class ListVatRatesQueryDto {
  /** Only the rates valid on this calendar date. @example "2026-06-30" */
  @IsOptional()
  @IsCalendarDate()
  @ApiProperty({ type: 'string', format: 'date', required: false, example: '2026-06-30' })
  on?: string;
}

export class VatRateResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: VAT_CATEGORIES })
  category: VatCategory;
  /** 1900 = 19 %. */
  @ApiProperty({ type: 'integer' })
  rateBasisPoints: number;
  @ApiProperty({ type: 'string', format: 'date' })
  validFrom: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  validTo: string | null;
  source: string;
  invoiceNote: string | null;
}
