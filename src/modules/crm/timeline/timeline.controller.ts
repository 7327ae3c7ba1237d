import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { TimelineItemDto, TimelinePageDto, TimelineQueryDto } from './timeline.dto';
import { TimelineService } from './timeline.service';

const ACTIVITIES_NOTE = 'Activities appear as the activity list would show them to you (crm.activities:read and its scope); without it, only the recorded changes.';

/** The timelines of leads, contacts and companies: their activities and recorded changes, newest first. */
@ApiTags('crm')
@Controller()
export class TimelineController {
  constructor(private readonly timelines: TimelineService) {}

  @Get('leads/:id/timeline')
  @Operation({ permission: 'crm.leads:read', summary: "The lead's activities and recorded changes, newest first", description: ACTIVITIES_NOTE, ok: TimelinePageDto, problems: [404] })
  getLeadTimeline(@UuidParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<TimelineItemDto>> {
    return this.timelines.timeline('lead', id, query);
  }

  @Get('contacts/:id/timeline')
  @Operation({
    permission: 'crm.contacts:read',
    summary: "The contact's activities and recorded changes (including contacts merged into it), newest first",
    description: ACTIVITIES_NOTE,
    ok: TimelinePageDto,
    problems: [404],
  })
  getContactTimeline(@UuidParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<TimelineItemDto>> {
    return this.timelines.timeline('contact', id, query);
  }

  @Get('companies/:id/timeline')
  @Operation({ permission: 'crm.companies:read', summary: "The company's activities and recorded changes, newest first", description: ACTIVITIES_NOTE, ok: TimelinePageDto, problems: [404] })
  getCompanyTimeline(@UuidParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<TimelineItemDto>> {
    return this.timelines.timeline('company', id, query);
  }
}
