import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalUuid } from '@libs/http';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { productUnit, ProductUnit } from '../shared/finance-enums.schema';
import { IsCents, IsQuantity } from '../shared/finance-validators';
import { VAT_CATEGORIES, type VatCategory } from '../shared/vat-category';

/** A line as a request sends it: from a product (copied; any field given here overrides it) or free. */
export class InvoiceLineInputDto {
  /** Copies SKU, name, unit, price and VAT category of the product (a snapshot). */
  @OptionalUuid()
  productId?: string | null;

  @ApiLocalizedText({ required: false, example: { de: 'Energieberatung mit iSFP', en: 'Energy consultation with iSFP' } })
  @IsOptional()
  @IsLocalizedText({ maxLength: 500 })
  text?: LocalizedText;

  @ApiLocalizedText({ required: false, nullable: true, example: { de: 'Vor-Ort-Termin am 12.11.2026', en: 'Site visit on 12 Nov 2026' } })
  @IsOptional()
  @IsLocalizedText({ maxLength: 2000 })
  description?: LocalizedText | null;

  @IsQuantity()
  quantity: string;

  @ApiPropertyOptional({ enum: productUnit.enumValues, example: 'flat' })
  @IsOptional()
  @IsIn(productUnit.enumValues)
  unit?: ProductUnit;

  @IsOptional()
  @IsCents(0, 165000)
  unitPriceCents?: number;

  @IsOptional()
  @IsCents(0, 0)
  discountCents?: number;

  @ApiPropertyOptional({ enum: VAT_CATEGORIES, example: 'standard' })
  @IsOptional()
  @IsIn(VAT_CATEGORIES)
  vatCategory?: VatCategory;
}

export class InvoiceLineResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  @ApiProperty({ format: 'uuid', nullable: true })
  productId: string | null;
  sku: string | null;
  @ApiLocalizedText()
  text: LocalizedText;
  @ApiLocalizedText({ nullable: true })
  description: LocalizedText | null;
  /** Decimal string, up to 3 decimals; negative on a cancellation. */
  quantity: string;
  @ApiProperty({ enum: productUnit.enumValues })
  unit: ProductUnit;
  @ApiProperty({ type: 'integer' })
  unitPriceCents: number;
  @ApiProperty({ type: 'integer' })
  discountCents: number;
  @ApiProperty({ enum: VAT_CATEGORIES })
  vatCategory: VatCategory;
  @ApiProperty({ type: 'integer' })
  vatRateBasisPoints: number;
  @ApiProperty({ format: 'uuid' })
  vatRateId: string;
  @ApiProperty({ type: 'integer' })
  netCents: number;
}
