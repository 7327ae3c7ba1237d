import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, OwnedListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { ISO_DATE } from '../programs/program.dto';
import { IsCalendarDate } from '../calendar-date';
import { fundingChecklistStage, FundingChecklistStage } from '../programs/funding-programs.schema';
import type { DeadlineState } from './application.rules';
import { fundingApplicationStatus, FundingApplicationStatus } from './funding-applications.schema';

export const APPLICATION_SORTS = sortValues(['createdAt', 'implementationDeadline', 'proofDeadline'] as const);
export const MAX_APPLICATION_MEASURES = 50;
const MAX_CENTS = 10_000_000_000;
const DEADLINE_STATES = ['none', 'open', 'due_soon', 'overdue', 'met'] as const;
const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9\-/.]{3,39}$/;

const OptionalDay = (name: string, example?: string) => (target: object, key: string) => {
  ApiPropertyOptional({ format: 'date', nullable: true, example })(target, key);
  IsOptional()(target, key);
  Matches(ISO_DATE, { message: `${name} must be a date YYYY-MM-DD between 1900 and 2199` })(target, key);
  IsCalendarDate()(target, key);
};
const OptionalCents = (example?: number) => (target: object, key: string) => {
  ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_CENTS, nullable: true, example })(target, key);
  IsOptional()(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_CENTS)(target, key);
};
const ExternalId = (description: string, example: string) => (target: object, key: string) => {
  ApiPropertyOptional({ nullable: true, example, pattern: EXTERNAL_ID.source, description: `${description} (format not published: letters, digits, - / . ; 4–40 characters)` })(target, key);
  IsOptional()(target, key);
  Matches(EXTERNAL_ID, { message: `${key} must be a ${description}: letters, digits, - / . ; 4–40 characters` })(target, key);
};

class ApplicationFieldsDto extends OwnershipFieldsDto {
  /** @example "Heizungstausch KfW 458" */
  @IsTrimmedString(200)
  title: string;

  /** The project's measures it covers (of `scenarioId`). */
  @ApiPropertyOptional({ type: 'string', format: 'uuid', isArray: true, maxItems: MAX_APPLICATION_MEASURES })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_APPLICATION_MEASURES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  measureIds?: string[];

  @OptionalCents(1_558_000)
  requestedAmountCents?: number | null;

  @ExternalId('BzA-ID', 'BZA-2026-0001')
  bzaId?: string | null;
  @ExternalId('BnD-ID', 'BND-2026-0001')
  bndId?: string | null;
  @ExternalId('BAFA Vorgangsnummer', 'VOB-12345678')
  bafaCaseNumber?: string | null;
  @ExternalId('KfW Antragsnummer', '458-1234567')
  kfwApplicationNumber?: string | null;

  @OptionalDay('implementationDeadline', '2027-10-31')
  implementationDeadline?: string | null;
  @OptionalDay('proofDeadline', '2028-01-31')
  proofDeadline?: string | null;

  @IsOptional()
  @IsTrimmedString(5000)
  note?: string | null;
}

export class CreateApplicationDto extends ApplicationFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programId: string;

  @OptionalUuid()
  scenarioId?: string | null;

  /** The stored calculation the application is based on. */
  @OptionalUuid()
  calculationId?: string | null;
}

/** PATCH: only the fields sent change. The covered measures are set at creation (another selection is another application). */
export class UpdateApplicationDto extends PartialType(OmitType(ApplicationFieldsDto, ['title', 'measureIds'] as const), { skipNullProperties: false }) {
  /** @example "Heizungstausch KfW 458" */
  @OptionalNotNull()
  @IsTrimmedString(200)
  title?: string;
}

export class MoveApplicationDto {
  @ApiProperty({ enum: fundingApplicationStatus.enumValues, example: 'prepared' })
  @IsIn(fundingApplicationStatus.enumValues)
  status: FundingApplicationStatus;

  @OptionalDay('submittedOn', '2026-10-15')
  submittedOn?: string;
  @OptionalCents(1_558_000)
  approvedAmountCents?: number;
  @OptionalDay('approvedOn', '2026-10-20')
  approvedOn?: string;
  @OptionalDay('implementationDeadline', '2029-10-20')
  implementationDeadline?: string;
  @OptionalDay('proofDeadline', '2030-04-20')
  proofDeadline?: string;
  @OptionalDay('proofsSubmittedOn', '2027-05-01')
  proofsSubmittedOn?: string;
  @OptionalCents(1_558_000)
  paidAmountCents?: number;
  @OptionalDay('paidOn', '2027-06-01')
  paidOn?: string;
  /** Why it was rejected, withdrawn or expired. */
  @IsOptional()
  @IsTrimmedString(1000)
  closedReason?: string;
}

export class ListApplicationsQueryDto extends OwnedListQueryDto {
  @IsSort(APPLICATION_SORTS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ enum: fundingApplicationStatus.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(fundingApplicationStatus.enumValues.length)
  @IsIn(fundingApplicationStatus.enumValues, { each: true })
  status?: FundingApplicationStatus[];

  @OptionalUuid()
  projectId?: string;

  @OptionalUuid()
  programId?: string;

  /** Approved applications with a deadline due within 30 days (`due_soon`) or passed (`overdue`). */
  @ApiPropertyOptional({ enum: ['due_soon', 'overdue'] })
  @IsOptional()
  @IsIn(['due_soon', 'overdue'])
  deadline?: 'due_soon' | 'overdue';
}

export class ApplicationResponseDto extends OwnedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  programId: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  scenarioId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  calculationId: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true })
  measureIds: string[];
  title: string;
  @ApiProperty({ enum: fundingApplicationStatus.enumValues })
  status: FundingApplicationStatus;
  bzaId: string | null;
  bndId: string | null;
  bafaCaseNumber: string | null;
  kfwApplicationNumber: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  requestedAmountCents: number | null;
  @ApiProperty({ format: 'date', nullable: true })
  submittedOn: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  approvedAmountCents: number | null;
  @ApiProperty({ format: 'date', nullable: true })
  approvedOn: string | null;
  @ApiProperty({ format: 'date', nullable: true })
  implementationDeadline: string | null;
  @ApiProperty({ enum: DEADLINE_STATES })
  implementationDeadlineState: DeadlineState;
  @ApiProperty({ format: 'date', nullable: true })
  proofDeadline: string | null;
  @ApiProperty({ enum: DEADLINE_STATES })
  proofDeadlineState: DeadlineState;
  @ApiProperty({ format: 'date', nullable: true })
  proofsSubmittedOn: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  paidAmountCents: number | null;
  @ApiProperty({ format: 'date', nullable: true })
  paidOn: string | null;
  closedReason: string | null;
  note: string | null;
  @ApiProperty({ enum: fundingApplicationStatus.enumValues, isArray: true })
  nextStatuses: FundingApplicationStatus[];
}

export const ApplicationPageDto = PageDto(ApplicationResponseDto);

export class LinkChecklistDocumentDto {
  /** The checklist item's key in the application's programme (GET …/checklist lists them). @example "approval" */
  @ApiProperty({ pattern: '^[a-z][a-z0-9_]{0,59}$', example: 'approval' })
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'itemKey must be a checklist key such as approval' })
  itemKey: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  documentId: string;
}

export class ChecklistEntryDto {
  @ApiProperty({ format: 'uuid' })
  checklistItemId: string;
  key: string;
  @ApiProperty({ enum: fundingChecklistStage.enumValues })
  stage: FundingChecklistStage;
  @ApiLocalizedText()
  label: LocalizedText;
  documentTypeKey: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true })
  documentIds: string[];
  fulfilled: boolean;
}

export class ApplicationChecklistDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ type: [ChecklistEntryDto] })
  items: ChecklistEntryDto[];
}
