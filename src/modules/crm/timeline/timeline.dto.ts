import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, PageQueryDto } from '@libs/pagination';
import { PageDto } from '@libs/resource';
import { ActivityResponseDto } from '../activities/activity.dto';

export class TimelineQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  override limit: number = DEFAULT_PAGE_LIMIT;
}

export class TimelineChangeDto {
  /** The event: `crm.lead.updated`, `crm.contact.merged`, … */
  action: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  actorId: string | null;
  entityType: string;
  @ApiProperty({ format: 'uuid' })
  entityId: string;
  /** Changed fields, `{ field: { before, after } }`. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

export class TimelineItemDto {
  @ApiProperty({ enum: ['activity', 'change'] })
  kind: 'activity' | 'change';
  /** The activity's or the audit entry's id. */
  @ApiProperty({ format: 'uuid' })
  id: string;
  occurredAt: Date;
  @ApiProperty({ type: ActivityResponseDto, nullable: true })
  activity: ActivityResponseDto | null;
  @ApiProperty({ type: TimelineChangeDto, nullable: true })
  change: TimelineChangeDto | null;
}

export const TimelinePageDto = PageDto(TimelineItemDto);
