import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, OwnedListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OwnershipFieldsDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { QUANTITY_PATTERN } from '../shared/amounts.rules';
import { MAX_CENTS } from '../shared/finance-validators';
import { productUnit, ProductUnit } from '../shared/finance-enums.schema';
import { VAT_CATEGORIES, VatCategory } from '../shared/vat-category';
import { IsCalendarDate } from './calendar-date';
import { QUOTE_ACCEPTANCE_METHODS, QUOTE_LINE_KINDS, QUOTE_LINE_TYPES, QUOTE_STATUSES, QuoteAcceptanceMethod, QuoteLineKind, QuoteLineType, QuoteStatus } from './quote.rules';
export * from './quote-response.dto';
import { quoteLanguage, QuoteLanguage } from './quotes.schema';

export const MAX_QUOTE_LINES = 200;
const LINES_EXAMPLE = [
  { kind: 'section', text: { de: 'Heizung', en: 'Heating' } },
  { kind: 'item', text: { de: 'Luft-Wasser-Wärmepumpe 9 kW inkl. Montage', en: 'Air-to-water heat pump 9 kW incl. installation' }, quantity: '1', unit: 'piece', unitPriceCents: 1_450_000, vatCategory: 'standard' },
  { kind: 'item', lineType: 'optional', text: { de: 'Smart-Home-Modul', en: 'Smart home module' }, quantity: '1', unit: 'piece', unitPriceCents: 39_900, vatCategory: 'standard' },
];
export const QUOTE_SORTS = sortValues(['createdAt', 'updatedAt', 'number', 'validUntil'] as const);

export class QuoteLineDto {
  /** `section`: a title grouping the items below it (text only); `item` (default): a priced position. */
  @ApiPropertyOptional({ enum: QUOTE_LINE_KINDS, example: 'item' })
  @IsOptional()
  @IsIn(QUOTE_LINE_KINDS)
  kind?: QuoteLineKind;

  /** `normal` (default); `optional` and `alternative` items are offered and priced but not part of the total. */
  @ApiPropertyOptional({ enum: QUOTE_LINE_TYPES, example: 'normal' })
  @IsOptional()
  @IsIn(QUOTE_LINE_TYPES)
  lineType?: QuoteLineType;

  @ApiLocalizedText({ example: { de: 'Luft-Wasser-Wärmepumpe 9 kW inkl. Montage', en: 'Air-to-water heat pump 9 kW incl. installation' } })
  @IsLocalizedText({ maxLength: 2000 })
  text: LocalizedText;

  /** A catalogue product: copied into the line; unit, price and VAT category default to it. */
  @OptionalUuid()
  productId?: string | null;

  /** Decimal with up to 3 decimals (default 1 with a product). @example "12.5" */
  @ApiPropertyOptional({ type: 'string', pattern: QUANTITY_PATTERN.source, example: '12.5', maxLength: 13, nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value))
  @Matches(QUANTITY_PATTERN, { message: 'quantity must be a decimal with at most 9 digits before and 3 after the point, e.g. "0.333"' })
  quantity?: string | null;

  @ApiPropertyOptional({ enum: productUnit.enumValues, example: 'piece', nullable: true })
  @IsOptional()
  @IsIn(productUnit.enumValues)
  unit?: ProductUnit | null;

  /** Net unit price in cents. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_CENTS, example: 1_450_000, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  unitPriceCents?: number | null;

  /** Line discount in cents, subtracted from quantity × unit price. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_CENTS, example: 0, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  discountCents?: number | null;

  @ApiPropertyOptional({ enum: VAT_CATEGORIES, example: 'standard', nullable: true })
  @IsOptional()
  @IsIn(VAT_CATEGORIES)
  vatCategory?: VatCategory | null;
}

class QuoteFieldsDto extends OwnershipFieldsDto {
  /** The recipient (a CRM contact); defaults to the project's contact. */
  @OptionalUuid()
  contactId?: string;

  /** The recipient's company; defaults to the project's company. `null`: addressed to the person. */
  @OptionalUuid()
  companyId?: string | null;

  /** Defaults to the contact's preferred language. */
  @ApiPropertyOptional({ enum: quoteLanguage.enumValues, example: 'de' })
  @OptionalNotNull()
  @IsIn(quoteLanguage.enumValues)
  language?: QuoteLanguage;

  /** The last day the offer stands (Europe/Berlin); defaults to 30 days from today. */
  @ApiPropertyOptional({ type: 'string', format: 'date' })
  @OptionalNotNull()
  @IsCalendarDate()
  validUntil?: string;

  /** @example "Angebot Wärmepumpe und PV-Anlage" */
  @IsOptional()
  @IsTrimmedString(300)
  subject?: string | null;

  /** Free text printed after the totals. */
  @IsOptional()
  @IsTrimmedString(5000)
  notes?: string | null;

  /** Offer the funding condition clause (Förderklausel): the contract stands under the condition of the funding approval. Default false. */
  @ApiPropertyOptional({ example: true })
  @OptionalNotNull()
  @IsBoolean()
  fundingClause?: boolean;

  /** The programme the clause names. @example "BEG EM (KfW 458)" */
  @IsOptional()
  @IsTrimmedString(200)
  fundingProgramme?: string | null;
}

export class CreateQuoteDto extends QuoteFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  projectId: string;

  /** The lines in order: section titles and items (at least one line). */
  @ApiProperty({ type: [QuoteLineDto], minItems: 1, maxItems: MAX_QUOTE_LINES, example: LINES_EXAMPLE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @ValidateNested({ each: true })
  @Type(() => QuoteLineDto)
  lines: QuoteLineDto[];
}

/**
 * PATCH: only the fields sent change (`lines` replaces all lines). A draft changes in place; a
 * sent, rejected or expired quote gets a new version (the one the customer has stays as it was);
 * an accepted quote is refused (409).
 */
export class UpdateQuoteDto extends PartialType(QuoteFieldsDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: [QuoteLineDto], minItems: 1, maxItems: MAX_QUOTE_LINES })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @ValidateNested({ each: true })
  @Type(() => QuoteLineDto)
  lines?: QuoteLineDto[];
}

export class AcceptQuoteDto {
  @ApiProperty({ enum: QUOTE_ACCEPTANCE_METHODS, example: 'signed_upload' })
  @IsIn(QUOTE_ACCEPTANCE_METHODS)
  method: QuoteAcceptanceMethod;

  /** Who accepted on the customer's side. @example "Maria Schmidt" */
  @IsTrimmedString(200)
  acceptedBy: string;

  /** Whether the funding condition clause is part of the contract; defaults to whether the version offered it. */
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  withFundingClause?: boolean;

  /** When the customer accepted (ISO 8601); defaults to now. Not before sending, not after the validity date. */
  @ApiPropertyOptional({ type: 'string', format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  acceptedAt?: Date;

  /** The signed quote (documents context), for `signed_upload`. */
  @OptionalUuid()
  signedDocumentId?: string | null;
}

export class RejectQuoteDto {
  /** @example "Zu teuer" */
  @IsOptional()
  @IsTrimmedString(1000)
  reason?: string | null;
}

export class ListQuotesQueryDto extends OwnedListQueryDto {
  @IsSort(QUOTE_SORTS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ enum: QUOTE_STATUSES, isArray: true, description: 'Repeat or comma-separate for several.' })
  @IsOptional()
  @ToArray()
  @IsIn(QUOTE_STATUSES, { each: true })
  @ArrayMaxSize(QUOTE_STATUSES.length)
  status?: QuoteStatus[];

  @OptionalUuid()
  projectId?: string;

  @OptionalUuid()
  contactId?: string;

  /** Valid until on or after this date. */
  @ApiPropertyOptional({ type: 'string', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  /** Valid until on or before this date. */
  @ApiPropertyOptional({ type: 'string', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;
}

export class ExportQuotesQueryDto extends OmitType(ListQuotesQueryDto, ['limit', 'cursor'] as const) {}
