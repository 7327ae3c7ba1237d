import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsTrimmedString, OptionalUuid } from '@libs/http';
import { IsCalendarDate } from '../calendar-date';
import { PageDto } from '@libs/resource';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { FUNDING_PROGRAMS } from './funding-programs.data';
import { fundingApplicationKind, FundingApplicationKind, fundingBody, FundingBody, fundingChecklistStage, FundingChecklistStage } from './funding-programs.schema';
import type { FundingRuleBody } from './rule-body';

export const ISO_DATE = /^(19|20|21)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const KFW_458_2026 = FUNDING_PROGRAMS.find((p) => p.key === 'kfw_458')!.versions[1].body;

export class ProgramLinkDto {
  @ApiLocalizedText()
  label: LocalizedText;
  /** @example "https://www.kfw.de/458" */
  url: string;
}

export class ChecklistItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** @example "bnd" */
  key: string;
  @ApiProperty({ enum: fundingChecklistStage.enumValues })
  stage: FundingChecklistStage;
  @ApiLocalizedText()
  label: LocalizedText;
  /** The document type a matching document usually has (documents context). */
  documentTypeKey: string | null;
}

export class FundingProgramResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** @example "kfw_458" */
  key: string;
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiLocalizedText()
  description: LocalizedText;
  @ApiProperty({ enum: fundingBody.enumValues })
  fundingBody: FundingBody;
  @ApiProperty({ enum: fundingApplicationKind.enumValues })
  applicationKind: FundingApplicationKind;
  @ApiProperty({ type: [ProgramLinkDto] })
  links: ProgramLinkDto[];
  @ApiProperty({ type: [ChecklistItemDto] })
  checklist: ChecklistItemDto[];
}

export const FundingProgramPageDto = PageDto(FundingProgramResponseDto);

export class FundingRuleVersionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  programId: string;
  /** @example "kfw_458" */
  programKey: string;
  /** @example "KfW 458 2026-07" */
  versionLabel: string;
  @ApiProperty({ format: 'date' })
  validFrom: string;
  @ApiProperty({ format: 'date', nullable: true })
  validTo: string | null;
  source: string;
  /** The rule body (shape by `kind`: docs/funding.md). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  body: FundingRuleBody;
  createdAt: Date;
}

export const FundingRuleVersionPageDto = PageDto(FundingRuleVersionResponseDto);

export class ListRuleVersionsQueryDto {
  /** Only the versions of this programme. */
  @OptionalUuid()
  programId?: string;

  /** Only the version valid on this day. @example "2026-10-01" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'validOn must be a date YYYY-MM-DD between 1900 and 2199' })
  @IsCalendarDate()
  validOn?: string;
}

export class CreateRuleVersionDto {
  /** @example "KfW 458 2031-01" */
  @IsTrimmedString(100)
  versionLabel: string;

  @ApiProperty({ format: 'date', example: '2031-01-01' })
  @Matches(ISO_DATE, { message: 'validFrom must be a date YYYY-MM-DD between 1900 and 2199' })
  @IsCalendarDate()
  validFrom: string;

  /** Inclusive; null = open-ended (until a successor is entered after ending this one). */
  @ApiProperty({ format: 'date', nullable: true, example: '2031-12-31' })
  @ValidateIf((_o, v) => v !== null)
  @Matches(ISO_DATE, { message: 'validTo must be a date YYYY-MM-DD between 1900 and 2199' })
  @IsCalendarDate()
  validTo: string | null;

  /** Where the numbers come from (guideline, Merkblatt, date). @example "KfW Merkblatt 458 (01/2031)" */
  @IsTrimmedString(2000)
  source: string;

  /** The rule body; its `kind` must be the programme's (docs/funding.md lists the fields). */
  @ApiProperty({ type: 'object', additionalProperties: true, example: KFW_458_2026 })
  @IsObject()
  body: Record<string, unknown>;
}

export class EndRuleVersionDto {
  /** The new last day of the version (inclusive): not before its first day, not after its current end. @example "2030-06-30" */
  @ApiProperty({ format: 'date', example: '2030-12-31' })
  @Matches(ISO_DATE, { message: 'validTo must be a date YYYY-MM-DD between 1900 and 2199' })
  @IsCalendarDate()
  validTo: string;
}
