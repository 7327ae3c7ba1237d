import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsTrimmedString, OptionalNotNull } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { productKind, ProductKind, productUnit, ProductUnit } from '../shared/finance-enums.schema';
import { IsCents } from '../shared/finance-validators';
import { VAT_CATEGORIES, type VatCategory } from '../shared/vat-category';

export const PRODUCT_SORTS = sortValues(['createdAt', 'name', 'sku', 'unitPriceCents'] as const);

const ToBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class CreateProductDto {
  /** Article number, unique; stored upper-case. @example "EB-ISFP-01" */
  @IsTrimmedString(64)
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  sku: string;

  @ApiLocalizedText({ example: { de: 'Individueller Sanierungsfahrplan (iSFP)', en: 'Individual renovation roadmap (iSFP)' } })
  @IsLocalizedText({ maxLength: 200 })
  name: LocalizedText;

  @ApiLocalizedText({ required: false, nullable: true, example: { de: 'Vor-Ort-Begehung, Berechnung und Beratungsgespräch', en: 'Site visit, calculation and consultation' } })
  @IsOptional()
  @IsLocalizedText({ maxLength: 2000 })
  description?: LocalizedText | null;

  @ApiProperty({ enum: productKind.enumValues, example: 'service' })
  @IsIn(productKind.enumValues)
  kind: ProductKind;

  @ApiProperty({ enum: productUnit.enumValues, example: 'flat' })
  @IsIn(productUnit.enumValues)
  unit: ProductUnit;

  /** Net price per unit in cents. */
  @IsCents(0, 165000)
  unitPriceCents: number;

  /** standard 19 %, reduced 7 %, zero_pv 0 % (§12(3) UStG), exempt; the rates are dated reference data. */
  @ApiProperty({ enum: VAT_CATEGORIES, example: 'standard' })
  @IsIn(VAT_CATEGORIES)
  vatCategory: VatCategory;

  /** Inactive products stay on old documents but are not offered for new lines (defaults to true). */
  @ApiPropertyOptional({ type: 'boolean' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

/** PATCH: only the fields sent change; `null` clears the description. */
export class UpdateProductDto extends PartialType(CreateProductDto, { skipNullProperties: false }) {}

export class ListProductsQueryDto extends ListQueryDto {
  @IsSort(PRODUCT_SORTS, 'name')
  sort?: string;

  @ApiPropertyOptional({ enum: productKind.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(productKind.enumValues, { each: true })
  kind?: ProductKind[];

  @ApiPropertyOptional({ enum: VAT_CATEGORIES, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(VAT_CATEGORIES, { each: true })
  vatCategory?: VatCategory[];

  /** Only active (true) or inactive (false) products. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

export class ExportProductsQueryDto extends OmitType(ListProductsQueryDto, ['limit', 'cursor'] as const) {}

export class ProductResponseDto extends AuditedResponseDto {
  sku: string;
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiLocalizedText({ nullable: true })
  description: LocalizedText | null;
  @ApiProperty({ enum: productKind.enumValues })
  kind: ProductKind;
  @ApiProperty({ enum: productUnit.enumValues })
  unit: ProductUnit;
  @ApiProperty({ type: 'integer' })
  unitPriceCents: number;
  @ApiProperty({ enum: VAT_CATEGORIES })
  vatCategory: VatCategory;
  active: boolean;
}

export const ProductPageDto = PageDto(ProductResponseDto);
