import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ProjectTimelineItemDto, ProjectTimelinePageDto, ProjectTimelineQueryDto } from './project-timeline.dto';
import { ProjectTimelineService } from './project-timeline.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectTimelineController {
  constructor(private readonly timelines: ProjectTimelineService) {}

  @Get(':id/timeline')
  @Operation({
    permission: 'projects.projects:read',
    summary: 'The recorded changes of a project and everything in it, newest first',
    description: 'Changes of buildings, components and plant need projects.buildings:read, those of scenarios and measures projects.scenarios:read, each covering this project.',
    ok: ProjectTimelinePageDto,
    problems: [404],
  })
  getProjectTimeline(@UuidParam() id: string, @Query() query: ProjectTimelineQueryDto): Promise<Page<ProjectTimelineItemDto>> {
    return this.timelines.timeline(id, query);
  }
}
