import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, OwnedListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { activityDirection, ActivityDirection, activityType, ActivityType } from './activities.schema';

export const ACTIVITY_SORTS = sortValues(['createdAt', 'occurredAt'] as const);

/** The timelines an activity appears on: at least one of them. */
class ActivitySubjectsDto {
  @OptionalUuid()
  leadId?: string;

  @OptionalUuid()
  contactId?: string;

  @OptionalUuid()
  companyId?: string;
}

class ActivityFieldsDto extends OwnershipFieldsDto {
  @ApiPropertyOptional({ enum: activityDirection.enumValues, nullable: true, description: 'Calls and e-mails: who started it.' })
  @IsOptional()
  @IsIn(activityDirection.enumValues)
  direction?: ActivityDirection | null;

  /** Longer text: the note, call summary, e-mail body, meeting minutes. */
  @IsOptional()
  @IsTrimmedString(20_000)
  body?: string | null;

  /** When it happened (default: now). */
  @OptionalNotNull()
  @Type(() => Date)
  @IsDate()
  occurredAt?: Date;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  durationMinutes?: number | null;
}

export class CreateActivityDto extends IntersectionType(ActivityFieldsDto, ActivitySubjectsDto) {
  @ApiProperty({ enum: activityType.enumValues })
  @IsIn(activityType.enumValues)
  type: ActivityType;

  /** @example "Rückruf wegen Wärmepumpe" */
  @IsTrimmedString(300)
  subject: string;
}

/** PATCH: only the fields sent change; the subjects (lead, contact, company) and the department stay. */
export class UpdateActivityDto extends PartialType(OmitType(CreateActivityDto, ['leadId', 'contactId', 'companyId', 'departmentId'] as const), {
  skipNullProperties: false,
}) {}

/** Activities have no `q` search (their text is not indexed for it). */
export class ListActivitiesQueryDto extends IntersectionType(OmitType(OwnedListQueryDto, ['q'] as const), ActivitySubjectsDto) {
  @IsSort(ACTIVITY_SORTS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ enum: activityType.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(activityType.enumValues, { each: true })
  type?: ActivityType[];
}

export class ActivityResponseDto extends OwnedResponseDto {
  @ApiProperty({ enum: activityType.enumValues })
  type: ActivityType;
  @ApiProperty({ enum: activityDirection.enumValues, nullable: true })
  direction: ActivityDirection | null;
  subject: string;
  body: string | null;
  occurredAt: Date;
  @ApiProperty({ type: 'integer', nullable: true })
  durationMinutes: number | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  leadId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  contactId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  companyId: string | null;
}

export const ActivityPageDto = PageDto(ActivityResponseDto);

export class ExportActivitiesQueryDto extends OmitType(ListActivitiesQueryDto, ['limit', 'cursor'] as const) {}
