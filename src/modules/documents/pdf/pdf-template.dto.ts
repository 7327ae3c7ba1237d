import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { PDF_KINDS, PDF_LANGUAGES } from './pdf-data';
import type { PdfKind, PdfLanguage } from './pdf-data';

export class PdfBankDto {
  /** @example "Stadtsparkasse München" */
  @IsString()
  @MaxLength(200)
  name: string;
  /** @example "DE02701500000000123456" */
  @IsString()
  @MaxLength(40)
  iban: string;
  @IsOptional()
  @IsString()
  @MaxLength(20)
  bic?: string | null;
}

/** The organisation's sender data printed in the letterhead and footer. */
export class PdfLetterheadDto {
  /** @example "Renewa Energieberatung GmbH" */
  @IsString()
  @Length(1, 200)
  name: string;
  /** @example "Sonnenstraße 12" */
  @IsString()
  @Length(1, 200)
  street: string;
  /** @example "80331" */
  @IsString()
  @Length(1, 20)
  postalCode: string;
  /** @example "München" */
  @IsString()
  @Length(1, 100)
  city: string;
  @IsOptional() @IsString() @MaxLength(2) countryCode?: string | null;
  @IsOptional() @IsString() @MaxLength(50) phone?: string | null;
  @IsOptional() @IsString() @MaxLength(200) email?: string | null;
  @IsOptional() @IsString() @MaxLength(200) website?: string | null;
  @IsOptional() @IsString() @MaxLength(30) vatId?: string | null;
  @IsOptional() @IsString() @MaxLength(30) taxNumber?: string | null;
  @IsOptional() @IsString() @MaxLength(200) register?: string | null;
  @IsOptional() @IsString() @MaxLength(200) managingDirectors?: string | null;
  @ApiPropertyOptional({ type: PdfBankDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PdfBankDto)
  bank?: PdfBankDto | null;
}

/** A new version of the template of a kind in a language. */
export class CreatePdfTemplateVersionDto {
  @ApiProperty({ enum: PDF_KINDS, example: 'letter' })
  @IsIn(PDF_KINDS)
  kind: PdfKind;

  @ApiProperty({ enum: PDF_LANGUAGES, example: 'de' })
  @IsIn(PDF_LANGUAGES)
  language: PdfLanguage;

  /** Liquid text per block (subject, salutation, intro, closing, signoff, signature, note_…); values are escaped. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { subject: '{{ subject }}', salutation: 'Guten Tag,', body: '{{ body }}', signoff: 'Viele Grüße', signature: '{{ letterhead.name }}' } })
  @IsObject()
  blocks: Record<string, string>;

  @ApiProperty({ type: PdfLetterheadDto })
  @ValidateNested()
  @Type(() => PdfLetterheadDto)
  letterhead: PdfLetterheadDto;
}

export class ListPdfTemplatesQueryDto {
  @ApiPropertyOptional({ enum: PDF_KINDS })
  @IsOptional()
  @IsIn(PDF_KINDS)
  kind?: PdfKind;
}

export class PreviewPdfDto {
  @ApiProperty({ enum: PDF_KINDS, example: 'invoice' })
  @IsIn(PDF_KINDS)
  kind: PdfKind;

  @ApiProperty({ enum: PDF_LANGUAGES, example: 'de' })
  @IsIn(PDF_LANGUAGES)
  language: PdfLanguage;

  /** A template version to preview; the current one of kind and language when omitted. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  templateId?: string;
}

export class PdfTemplateResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: PDF_KINDS })
  kind: PdfKind;
  @ApiProperty({ enum: PDF_LANGUAGES })
  language: PdfLanguage;
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  blocks: Record<string, string>;
  @ApiProperty({ type: PdfLetterheadDto })
  letterhead: PdfLetterheadDto;
  createdAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true })
  createdBy: string | null;
}
