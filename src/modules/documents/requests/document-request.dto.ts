import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid, SecretProperty } from '@libs/http';
import { IsSort, OwnedListQueryDto, ToArray } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { ISO_DATE } from '../documents/document.dto';
import { DEFAULT_LINK_VALID_DAYS, LinkState, MAX_LINK_VALID_DAYS } from './document-request.rules';
import { documentRequestItemStatus, documentRequestStatus } from './document-requests.schema';
import type { DocumentRequestItemStatus, DocumentRequestStatus } from './document-requests.schema';

export const DOCUMENT_REQUEST_SORTS = ['createdAt', '-createdAt', 'dueDate', '-dueDate'] as const;
const LANGUAGES = ['de', 'en'] as const;
const toBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class DocumentRequestItemInputDto {
  /** A document type (GET /document-types); the example is the seeded floor plan. */
  @ApiProperty({ format: 'uuid', example: '94668b71-c389-56ec-95f1-08776d5f0763' })
  @IsUUID()
  typeId: string;

  @ApiLocalizedText({ example: { de: 'Bitte laden Sie die Grundrisse aller Geschosse hoch.', en: 'Please upload the floor plans of every storey.' } })
  @IsLocalizedText({ maxLength: 1000 })
  instructions: LocalizedText;

  /** Whether the request counts as fulfilled only with a file for this item (default true). */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class CreateDocumentRequestDto extends OwnershipFieldsDto {
  /** The customer asked (a contact, a project, or both). */
  @OptionalUuid()
  contactId?: string | null;

  @OptionalUuid()
  projectId?: string | null;

  /** The checklist, in this order. */
  @ApiProperty({ type: [DocumentRequestItemInputDto] })
  @ValidateNested({ each: true })
  @Type(() => DocumentRequestItemInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  items: DocumentRequestItemInputDto[];

  /** @example "2027-03-31" */
  @ApiProperty({ format: 'date', example: '2027-03-31' })
  @Matches(ISO_DATE, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate: string;

  /** The language the customer sees the checklist in. */
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'de' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: 'de' | 'en';

  /** A reminder event this many days before the due date (0: on the due date). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  reminderDaysBefore?: number;
}

export class UpdateDocumentRequestDto extends PartialType(PickType(CreateDocumentRequestDto, ['dueDate', 'language', 'reminderDaysBefore'] as const)) {
  @OptionalNotNull()
  override dueDate?: string;
}

export class IssueDocumentRequestLinkDto {
  /** Days the link works (default 30). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LINK_VALID_DAYS, default: DEFAULT_LINK_VALID_DAYS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LINK_VALID_DAYS)
  validDays?: number;

  /**
   * With the customer portal page's https URL (the token is appended to it), the request letter is
   * rendered too: the checklist and the link, addressed to the contact (who needs a postal
   * address), stored as a document linked to the contact and project.
   */
  @ApiPropertyOptional({ format: 'uri', maxLength: 300 })
  @IsOptional()
  @MaxLength(300)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true })
  letterPortalUrl?: string;
}

export class RejectDocumentRequestItemDto {
  /** Why, in words the customer understands (shown on the checklist). @example "Die Seite 2 fehlt." */
  @IsTrimmedString(1000, { min: 1 })
  reason: string;
}

export class ListDocumentRequestsQueryDto extends OwnedListQueryDto {
  @IsSort(DOCUMENT_REQUEST_SORTS, '-createdAt')
  sort?: string;

  @ApiProperty({ enum: documentRequestStatus.enumValues, isArray: true, required: false })
  @IsOptional()
  @ToArray()
  @IsIn(documentRequestStatus.enumValues, { each: true })
  @ArrayMaxSize(3)
  status?: DocumentRequestStatus[];

  @OptionalUuid()
  contactId?: string;

  @OptionalUuid()
  projectId?: string;

  /** Due on or after this day. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueAfter must be a date YYYY-MM-DD' })
  dueAfter?: string;

  /** Due before this day (exclusive). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueBefore must be a date YYYY-MM-DD' })
  dueBefore?: string;

  /** Only open requests whose due date has passed (true), or only the others (false). */
  @ApiPropertyOptional({ type: 'boolean' })
  @IsOptional()
  @toBoolean()
  @IsBoolean()
  overdue?: boolean;
}

export class DocumentRequestItemDto {
  @ApiProperty({ format: 'uuid' })
  itemId: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  @ApiProperty({ format: 'uuid' })
  typeId: string;
  @ApiLocalizedText()
  instructions: LocalizedText;
  required: boolean;
  @ApiProperty({ enum: documentRequestItemStatus.enumValues })
  status: DocumentRequestItemStatus;
  /** The document the uploads became (newer uploads are its versions). */
  @ApiProperty({ format: 'uuid', nullable: true })
  documentId: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  rejectionReason: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  uploadedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  reviewedAt: Date | null;
}

export class DocumentRequestLinkStateDto {
  @ApiProperty({ enum: ['none', 'active', 'expired', 'revoked'] })
  state: LinkState;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  issuedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  expiresAt: Date | null;
}

export class DocumentRequestResponseDto extends OwnedResponseDto {
  @ApiProperty({ format: 'uuid', nullable: true })
  contactId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  projectId: string | null;
  @ApiProperty({ enum: LANGUAGES })
  language: string;
  @ApiProperty({ type: 'string', format: 'date' })
  dueDate: string;
  @ApiProperty({ type: 'integer' })
  reminderDaysBefore: number;
  @ApiProperty({ enum: documentRequestStatus.enumValues })
  status: DocumentRequestStatus;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  fulfilledAt: Date | null;
  /** Open and past its due date. */
  overdue: boolean;
  @ApiProperty({ type: DocumentRequestLinkStateDto })
  link: DocumentRequestLinkStateDto;
  @ApiProperty({ type: [DocumentRequestItemDto] })
  checklist: DocumentRequestItemDto[];
}

export const DocumentRequestPageDto = PageDto(DocumentRequestResponseDto);

/** A newly issued link: the token is shown this once (only its hash is stored). */
export class DocumentRequestLinkDto {
  @ApiProperty({ format: 'uuid' })
  requestId: string;
  /** The secret the customer's link carries. */
  @SecretProperty()
  @ApiProperty({ example: 'Zk3v9Q0mW1aP7yR2tL5nB8cX4dF6gH0jK2lM4nP6qR8' })
  portalToken: string;
  /** Relative URL of the public checklist (`GET`); the customer-facing page builds on it. */
  @SecretProperty()
  portalPath: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  expiresAt: Date;
  /** The rendered request letter (with `letterPortalUrl`); it carries the link, so it is as secret as the token. */
  @ApiProperty({ format: 'uuid', nullable: true })
  letterDocumentId: string | null;
}
