import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { OptionalUuid } from '@libs/http';
import { IsSort, OwnedListQueryDto } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { FileResponseDto } from '../files/file.dto';
import { documentLinkType } from './documents.schema';
import type { DocumentLinkType } from './documents.schema';

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const DOCUMENT_SORTS = ['createdAt', '-createdAt'] as const;

export class DocumentLinkDto {
  @ApiProperty({ enum: documentLinkType.enumValues, example: 'appointment' })
  @IsIn(documentLinkType.enumValues)
  type: DocumentLinkType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class CreateDocumentDto extends OwnershipFieldsDto {
  /** A file you uploaded (POST /files) that no document uses yet. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fileId: string;

  /** A document type (GET /document-types); the example is the seeded floor plan. */
  @ApiProperty({ format: 'uuid', example: '94668b71-c389-56ec-95f1-08776d5f0763' })
  @IsUUID()
  typeId: string;

  @ApiLocalizedText({ example: { de: 'Grundriss Erdgeschoss', en: 'Ground floor plan' } })
  @IsLocalizedText({ maxLength: 300 })
  title: LocalizedText;

  /** The document's own date (an invoice's date, a plan's date). @example "2026-11-20" */
  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'documentDate must be a date YYYY-MM-DD' })
  documentDate?: string | null;

  /** The records the document belongs to (at least one). */
  @ApiProperty({ type: [DocumentLinkDto], example: [{ type: 'appointment', id: '00000000-0000-4000-8000-00000000a001' }] })
  @ValidateNested({ each: true })
  @Type(() => DocumentLinkDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  links: DocumentLinkDto[];
}

export class UpdateDocumentDto extends PartialType(PickType(CreateDocumentDto, ['typeId', 'title', 'documentDate'] as const), { skipNullProperties: false }) {}

export class AddDocumentVersionDto {
  /** A file you uploaded (POST /files) that no document uses yet. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fileId: string;
}

export class ListDocumentsQueryDto extends OwnedListQueryDto {
  @IsSort(DOCUMENT_SORTS, '-createdAt')
  sort?: string;

  /** Only documents linked to a record of this type (with `linkId`). */
  @ApiPropertyOptional({ enum: documentLinkType.enumValues })
  @IsOptional()
  @IsIn(documentLinkType.enumValues)
  linkType?: DocumentLinkType;

  /** Only documents linked to this record (with `linkType`). */
  @OptionalUuid()
  linkId?: string;

  @OptionalUuid()
  typeId?: string;
}

export class DocumentContentQueryDto {
  /** A version number; the newest when omitted. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class DocumentVersionDto {
  @ApiProperty({ type: 'integer' })
  versionNumber: number;
  @ApiProperty({ type: FileResponseDto })
  file: FileResponseDto;
  createdAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true })
  createdBy: string | null;
}

export class DocumentResponseDto extends OwnedResponseDto {
  @ApiProperty({ format: 'uuid' })
  typeId: string;
  @ApiLocalizedText()
  title: LocalizedText;
  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  documentDate: string | null;
  @ApiProperty({ format: 'uuid' })
  fileId: string;
  @ApiProperty({ type: 'integer' })
  currentVersion: number;
  /** Not deletable before this day (legal retention). */
  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  retainUntil: string | null;
  @ApiProperty({ type: [DocumentLinkDto] })
  links: DocumentLinkDto[];
}

export class DocumentDetailDto extends DocumentResponseDto {
  @ApiProperty({ type: [DocumentVersionDto] })
  versions: DocumentVersionDto[];
}

export const DocumentPageDto = PageDto(DocumentResponseDto);

export class DocumentTypeResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** @example "floor_plan" */
  key: string;
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiProperty({ type: 'integer', nullable: true })
  retentionYears: number | null;
  @ApiProperty({ type: 'string', format: 'date' })
  validFrom: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  validTo: string | null;
  source: string;
}

export class EraseContactDocumentsDto {
  /** The contact whose documents are erased. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contactId: string;
}

export class ErasedDocumentDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;
  @ApiLocalizedText()
  title: LocalizedText;
  /** Files removed with it (one per version). */
  @ApiProperty({ type: 'integer' })
  files: number;
}

export class KeptDocumentDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;
  @ApiLocalizedText()
  title: LocalizedText;
  /** Kept until this day. */
  @ApiProperty({ type: 'string', format: 'date' })
  retainUntil: string;
  /** Why it was kept: `legal_retention` (e.g. §147 AO for invoices). */
  @ApiProperty({ enum: ['legal_retention'] })
  reason: 'legal_retention';
}

/** What an erasure deleted and what it kept, and why. */
export class ErasedDocumentRequestsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Requests that concerned only the contact: deleted with their items.' })
  deleted: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Requests of a project: kept for the project, without the contact.' })
  detached: string[];
}

export class ContactErasureReportDto {
  @ApiProperty({ format: 'uuid' })
  contactId: string;
  @ApiProperty({ type: [ErasedDocumentDto] })
  deleted: ErasedDocumentDto[];
  @ApiProperty({ type: [KeptDocumentDto] })
  kept: KeptDocumentDto[];
  @ApiProperty({ type: ErasedDocumentRequestsDto })
  documentRequests: ErasedDocumentRequestsDto;
}
