import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '@libs/resource';
import { DocumentedPageQueryDto } from '../shared/page-query.dto';

export class ProjectTimelineQueryDto extends DocumentedPageQueryDto {}

/** One recorded change of the project or of something in it. */
export class ProjectTimelineItemDto {
  /** The audit entry's id. */
  @ApiProperty({ format: 'uuid' })
  id: string;
  occurredAt: Date;
  /** The event: `projects.project.status_changed`, `projects.measure.updated`, … */
  action: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  actorId: string | null;
  /** `project`, `building`, `building_component`, `building_system`, `scenario`, `measure`. */
  entityType: string;
  @ApiProperty({ format: 'uuid' })
  entityId: string;
  /** Changed fields, `{ field: { before, after } }`. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

export const ProjectTimelinePageDto = PageDto(ProjectTimelineItemDto);
