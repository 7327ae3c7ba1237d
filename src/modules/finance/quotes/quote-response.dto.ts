import { ApiProperty } from '@nestjs/swagger';
import { OwnedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { QUOTE_ACCEPTANCE_METHODS, QUOTE_LINE_KINDS, QUOTE_LINE_TYPES, QUOTE_STATUSES, QuoteAcceptanceMethod, QuoteLineKind, QuoteLineType, QuoteStatus } from './quote.rules';
import { quoteLanguage, QuoteLanguage } from './quotes.schema';

/** What the quote routes answer: the quote with its newest version, a version whole. */
export class QuoteRecipientDto {
  @ApiProperty({ format: 'uuid' })
  contactId: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  companyId: string | null;
  name: string;
  contactName: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
  email: string | null;
}

export class QuoteProductSnapshotDto {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  sku: string;
  @ApiLocalizedText()
  name: LocalizedText;
  kind: string;
  unit: string;
  @ApiProperty({ type: 'integer' })
  unitPriceCents: number;
  vatCategory: string;
}

export class QuoteLineResponseDto {
  /** "1", "1.2", … */
  position: string;
  @ApiProperty({ enum: QUOTE_LINE_KINDS })
  kind: QuoteLineKind;
  @ApiProperty({ enum: QUOTE_LINE_TYPES })
  lineType: QuoteLineType;
  @ApiLocalizedText()
  text: LocalizedText;
  @ApiProperty({ type: QuoteProductSnapshotDto, nullable: true })
  product: QuoteProductSnapshotDto | null;
  quantity: string | null;
  unit: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  unitPriceCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  discountCents: number | null;
  vatCategory: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  netCents: number | null;
}

export class QuoteRateTotalDto {
  vatCategory: string;
  @ApiProperty({ type: 'integer' })
  rateBasisPoints: number;
  /** The dated VAT rate row used. */
  @ApiProperty({ format: 'uuid' })
  vatRateId: string;
  @ApiProperty({ type: 'integer' })
  netCents: number;
  @ApiProperty({ type: 'integer' })
  taxCents: number;
}

export class QuoteAcceptanceDto {
  acceptedAt: Date;
  acceptedBy: string;
  @ApiProperty({ enum: QUOTE_ACCEPTANCE_METHODS })
  method: QuoteAcceptanceMethod;
  withFundingClause: boolean;
  /** The user who recorded it. */
  @ApiProperty({ format: 'uuid', nullable: true })
  recordedBy: string | null;
}

export class QuotePdfDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;
  @ApiProperty({ format: 'uuid' })
  fileId: string;
  /** Hex SHA-256 of the PDF bytes. */
  sha256: string;
}

/** One version of a quote, whole. */
export class QuoteVersionResponseDto {
  @ApiProperty({ type: 'integer' })
  revision: number;
  @ApiProperty({ enum: QUOTE_STATUSES })
  status: QuoteStatus;
  @ApiProperty({ enum: quoteLanguage.enumValues })
  language: QuoteLanguage;
  @ApiProperty({ type: 'string', format: 'date' })
  validUntil: string;
  recipient: QuoteRecipientDto;
  subject: string | null;
  notes: string | null;
  fundingClause: boolean;
  fundingProgramme: string | null;
  @ApiProperty({ type: [QuoteLineResponseDto] })
  lines: QuoteLineResponseDto[];
  /** The date whose VAT rates the totals use. */
  @ApiProperty({ type: 'string', format: 'date' })
  ratesOn: string;
  @ApiProperty({ type: [QuoteRateTotalDto] })
  totalsPerRate: QuoteRateTotalDto[];
  @ApiProperty({ type: 'integer' })
  totalNetCents: number;
  @ApiProperty({ type: 'integer' })
  totalTaxCents: number;
  @ApiProperty({ type: 'integer' })
  totalGrossCents: number;
  createdAt: Date;
  sentAt: Date | null;
  @ApiProperty({ type: QuotePdfDto, nullable: true })
  pdf: QuotePdfDto | null;
  @ApiProperty({ type: QuoteAcceptanceDto, nullable: true })
  acceptance: QuoteAcceptanceDto | null;
  rejectedAt: Date | null;
  rejectionReason: string | null;
  expiredAt: Date | null;
}

export class QuoteResponseDto extends OwnedResponseDto {
  /** `A-2026-000123` */
  number: string;
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  contactId: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  companyId: string | null;
  /** The newest version's status. */
  @ApiProperty({ enum: QUOTE_STATUSES })
  status: QuoteStatus;
  /** The newest version's number. */
  @ApiProperty({ type: 'integer' })
  revision: number;
  @ApiProperty({ enum: quoteLanguage.enumValues })
  language: QuoteLanguage;
  @ApiProperty({ type: 'string', format: 'date' })
  validUntil: string;
  @ApiProperty({ type: 'integer' })
  totalNetCents: number;
  @ApiProperty({ type: 'integer' })
  totalGrossCents: number;
  sentAt: Date | null;
  acceptedAt: Date | null;
  /** The newest version (in lists: null, read the quote for it). */
  @ApiProperty({ type: QuoteVersionResponseDto, nullable: true })
  current: QuoteVersionResponseDto | null;
}

export const QuotePageDto = PageDto(QuoteResponseDto);
