import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsPostalAddress, PostalAddressDto } from '@libs/contact-data';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, OwnedListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { IsCalendarDate } from '../shared/finance-validators';
import { VAT_CATEGORIES, type VatCategory } from '../shared/vat-category';
import { InvoiceLineInputDto, InvoiceLineResponseDto } from './invoice-line.dto';
import { invoiceKind, InvoiceKind, invoiceLanguage, InvoiceLanguage, invoiceStatus, InvoiceStatus } from './invoices.schema';

export const INVOICE_SORTS = sortValues(['createdAt', 'grossCents'] as const);
export const CREATABLE_KINDS = ['down_payment', 'partial', 'final', 'standalone'] as const;
export const MAX_LINES = 200;

export class InvoiceRecipientDto {
  /** @example "Familie Kühn" */
  @IsTrimmedString(200)
  name: string;

  /** A second address line: a contact person, c/o. @example "z. Hd. Frau Kühn" */
  @IsOptional()
  @IsTrimmedString(200)
  addition?: string | null;

  @IsPostalAddress()
  address: PostalAddressDto;

  /** The recipient's VAT ID (B2B). @example "DE987654321" */
  @IsOptional()
  @IsTrimmedString(20)
  vatId?: string | null;
}

class InvoiceFieldsDto extends OwnershipFieldsDto {
  @OptionalUuid()
  projectId?: string | null;

  @OptionalUuid()
  companyId?: string | null;

  /** Defaults to de. */
  @ApiPropertyOptional({ enum: invoiceLanguage.enumValues })
  @OptionalNotNull()
  @IsIn(invoiceLanguage.enumValues)
  language?: InvoiceLanguage;

  /** Overrides the address copied from the contact (or company). */
  @ApiPropertyOptional({ type: InvoiceRecipientDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InvoiceRecipientDto)
  recipient?: InvoiceRecipientDto | null;

  /** A business recipient (e-invoice possible); defaults to whether a company is set. @example false */
  @OptionalNotNull()
  @IsBoolean()
  recipientIsBusiness?: boolean;

  /** Leitweg-ID of a public buyer or the buyer's own reference (XRechnung BT-10). @example "04011000-12345-67" */
  @IsOptional()
  @IsTrimmedString(100)
  buyerReference?: string | null;

  /** A property-related service (construction, planning, supervision): private recipients get the 2-year retention note. @example true */
  @IsOptional()
  @IsBoolean()
  propertyRelated?: boolean | null;

  /** @example "Energieberatung Haus Kühn" */
  @IsOptional()
  @IsTrimmedString(200)
  subject?: string | null;

  /** @example "Vielen Dank für Ihren Auftrag." */
  @IsOptional()
  @IsTrimmedString(2000)
  notes?: string | null;

  @IsOptional()
  @IsCalendarDate('2026-11-20')
  serviceDate?: string | null;

  @IsOptional()
  @IsCalendarDate('2026-11-01')
  servicePeriodStart?: string | null;

  @IsOptional()
  @IsCalendarDate('2026-11-30')
  servicePeriodEnd?: string | null;

  /** Days from the issue date to the due date; defaults to the settings. @example 14 */
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays?: number;

  @ApiProperty({ type: [InvoiceLineInputDto], maxItems: MAX_LINES, required: false })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineInputDto)
  lines?: InvoiceLineInputDto[];
}

export class CreateInvoiceDto extends InvoiceFieldsDto {
  /** down_payment (Abschlag), partial, final (deducts the project's down payments), standalone. Cancellations come from POST …/cancel. */
  @ApiProperty({ enum: CREATABLE_KINDS, example: 'standalone' })
  @IsIn(CREATABLE_KINDS)
  kind: (typeof CREATABLE_KINDS)[number];

  /** The recipient (CRM contact); name and address are copied onto the invoice. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contactId: string;
}

/** PATCH of a draft: only the fields sent change; `lines` replaces all lines. */
export class UpdateInvoiceDto extends PartialType(OmitType(CreateInvoiceDto, ['kind'] as const), { skipNullProperties: false }) {}

export class CancelInvoiceDto {
  /** Why the invoice is cancelled (printed on the cancellation invoice). @example "Rechnungsbetrag fehlerhaft; Korrektur folgt" */
  @IsTrimmedString(500)
  reason: string;
}

export class ListInvoicesQueryDto extends OwnedListQueryDto {
  @IsSort(INVOICE_SORTS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ enum: invoiceStatus.enumValues, isArray: true, maxItems: invoiceStatus.enumValues.length })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(invoiceStatus.enumValues.length)
  @IsIn(invoiceStatus.enumValues, { each: true })
  status?: InvoiceStatus[];

  @ApiPropertyOptional({ enum: invoiceKind.enumValues, isArray: true, maxItems: invoiceKind.enumValues.length })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(invoiceKind.enumValues.length)
  @IsIn(invoiceKind.enumValues, { each: true })
  kind?: InvoiceKind[];

  @OptionalUuid()
  projectId?: string;

  @OptionalUuid()
  contactId?: string;

  /** Issued on or after this day. */
  @IsOptional()
  @IsCalendarDate('2026-01-01')
  issuedFrom?: string;

  /** Issued on or before this day. */
  @IsOptional()
  @IsCalendarDate('2026-12-31')
  issuedTo?: string;
}

export class ExportInvoicesQueryDto extends OmitType(ListInvoicesQueryDto, ['limit', 'cursor'] as const) {}

export class InvoiceRateTotalDto {
  @ApiProperty({ enum: VAT_CATEGORIES })
  vatCategory: VatCategory;
  @ApiProperty({ type: 'integer' })
  rateBasisPoints: number;
  @ApiProperty({ type: 'integer' })
  netCents: number;
  @ApiProperty({ type: 'integer' })
  taxCents: number;
}

export class InvoiceDeductionDto {
  @ApiProperty({ format: 'uuid' })
  invoiceId: string;
  number: string;
  @ApiProperty({ format: 'date' })
  issueDate: string;
  @ApiProperty({ type: [InvoiceRateTotalDto] })
  perRate: InvoiceRateTotalDto[];
  @ApiProperty({ type: 'integer' })
  grossCents: number;
}

export class InvoiceLegalNoteDto {
  key: string;
  text: string;
}

export class InvoiceResponseDto extends OwnedResponseDto {
  @ApiProperty({ enum: invoiceKind.enumValues })
  kind: InvoiceKind;
  @ApiProperty({ enum: invoiceStatus.enumValues })
  status: InvoiceStatus;
  number: string | null;
  @ApiProperty({ enum: invoiceLanguage.enumValues })
  language: InvoiceLanguage;
  @ApiProperty({ format: 'uuid', nullable: true })
  projectId: string | null;
  @ApiProperty({ format: 'uuid' })
  contactId: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  companyId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  quoteId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  cancelsInvoiceId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  cancelledByInvoiceId: string | null;
  cancellationReason: string | null;
  @ApiProperty({ type: InvoiceRecipientDto, nullable: true })
  recipient: InvoiceRecipientDto | null;
  recipientIsBusiness: boolean;
  buyerReference: string | null;
  propertyRelated: boolean | null;
  subject: string | null;
  notes: string | null;
  @ApiProperty({ format: 'date', nullable: true })
  issueDate: string | null;
  @ApiProperty({ format: 'date', nullable: true })
  serviceDate: string | null;
  @ApiProperty({ format: 'date', nullable: true })
  servicePeriodStart: string | null;
  @ApiProperty({ format: 'date', nullable: true })
  servicePeriodEnd: string | null;
  @ApiProperty({ format: 'date', nullable: true })
  dueDate: string | null;
  @ApiProperty({ type: 'integer' })
  paymentTermsDays: number;
  @ApiLocalizedText({ nullable: true })
  paymentTermsText: LocalizedText | null;
  @ApiProperty({ type: [InvoiceLineResponseDto] })
  lines: InvoiceLineResponseDto[];
  @ApiProperty({ type: [InvoiceRateTotalDto] })
  vatBreakdown: InvoiceRateTotalDto[];
  @ApiProperty({ type: [InvoiceDeductionDto] })
  deductions: InvoiceDeductionDto[];
  @ApiProperty({ type: 'integer' })
  netCents: number;
  @ApiProperty({ type: 'integer' })
  taxCents: number;
  @ApiProperty({ type: 'integer' })
  grossCents: number;
  @ApiProperty({ type: 'integer' })
  prepaidCents: number;
  @ApiProperty({ type: 'integer' })
  amountDueCents: number;
  @ApiProperty({ type: 'integer' })
  paidCents: number;
  /** Still to pay (negative: overpaid). */
  @ApiProperty({ type: 'integer' })
  openCents: number;
  @ApiProperty({ type: [InvoiceLegalNoteDto] })
  legalNotes: InvoiceLegalNoteDto[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  finalisedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  sentAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  paidAt: Date | null;
  /** The stored PDF (download through the documents API). */
  @ApiProperty({ format: 'uuid', nullable: true })
  pdfDocumentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  pdfFileId: string | null;
  /** Hex SHA-256 of the PDF. */
  pdfSha256: string | null;
}

/** Lists answer without lines. */
export class InvoiceSummaryDto extends OmitType(InvoiceResponseDto, ['lines'] as const) {}

export const InvoicePageDto = PageDto(InvoiceSummaryDto);
