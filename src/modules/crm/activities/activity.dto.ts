import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OptionalNotNull, TrimToNull } from '../shared/dto-helpers';
import { activityDirection, ActivityDirection, activityType, ActivityType } from './activities.schema';

export const ACTIVITY_SORTS = sortValues(['createdAt', 'occurredAt'] as const);

class ActivityFieldsDto {
  @ApiPropertyOptional({ enum: activityDirection.enumValues, nullable: true, description: 'Calls and e-mails: who started it.' })
  @IsOptional()
  @IsIn(activityDirection.enumValues)
  direction?: ActivityDirection | null;

  /** Longer text: the note, call summary, e-mail body, meeting minutes. */
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(20_000)
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

  /** Defaults to the creator. */
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;
}

export class CreateActivityDto extends ActivityFieldsDto {
  @ApiProperty({ enum: activityType.enumValues })
  @IsIn(activityType.enumValues)
  type: ActivityType;

  /** @example "Rückruf wegen Wärmepumpe" */
  @TrimToNull()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject: string;

  /** At least one of leadId, contactId, companyId: the timelines it appears on. */
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @IsOptional()
  @IsUUID()
  contactId?: string;

  @IsOptional()
  @IsUUID()
  companyId?: string;

  /** Defaults to the creator's department. */
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}

export class UpdateActivityDto extends ActivityFieldsDto {
  @ApiPropertyOptional({ enum: activityType.enumValues })
  @OptionalNotNull()
  @IsIn(activityType.enumValues)
  type?: ActivityType;

  @OptionalNotNull()
  @TrimToNull()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject?: string;
}

/** Activities have no `q` search (their text is not indexed for it). */
export class ListActivitiesQueryDto extends OmitType(ListQueryDto, ['q'] as const) {
  @ApiPropertyOptional({ enum: ACTIVITY_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(ACTIVITY_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: activityType.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(activityType.enumValues, { each: true })
  type?: ActivityType[];

  @IsOptional()
  @IsUUID()
  leadId?: string;

  @IsOptional()
  @IsUUID()
  contactId?: string;

  @IsOptional()
  @IsUUID()
  companyId?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class ActivityResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ enum: activityType.enumValues })
  type: ActivityType;
  @ApiProperty({ enum: activityDirection.enumValues, nullable: true })
  direction: ActivityDirection | null;
  subject: string;
  @ApiProperty({ type: 'string', nullable: true })
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
  @ApiProperty({ format: 'uuid', nullable: true })
  ownerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true })
  createdBy: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  updatedBy: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  deletedAt: Date | null;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityResponseDto] })
  items: ActivityResponseDto[];
  @ApiProperty({ type: 'string', nullable: true })
  nextCursor: string | null;
}

export class ExportActivitiesQueryDto extends OmitType(ListActivitiesQueryDto, ['limit', 'cursor'] as const) {}
