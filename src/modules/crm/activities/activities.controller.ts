import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ActivityPageDto, ActivityResponseDto, CreateActivityDto, ExportActivitiesQueryDto, ListActivitiesQueryDto, UpdateActivityDto } from './activity.dto';
import { ACTIVITY_EXPORT_COLUMNS } from './activity.mapper';
import { ActivitiesService } from './activities.service';

@ApiTags('crm')
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  @Operation({
    permission: 'crm.activities:create',
    summary: 'Record a note, call, e-mail or meeting on a lead, contact and/or company',
    created: ActivityResponseDto,
    problems: [403, 422],
    idempotent: true,
  })
  createActivity(@Body() dto: CreateActivityDto): Promise<ActivityResponseDto> {
    return this.activities.create(dto);
  }

  @Get()
  @Operation({ permission: 'crm.activities:read', summary: 'List activities', ok: ActivityPageDto })
  listActivities(@Query() query: ListActivitiesQueryDto): Promise<Page<ActivityResponseDto>> {
    return this.activities.list(query);
  }

  @Get('export')
  @Operation({ permission: 'crm.activities:read', summary: 'Export activities as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportActivities(@Query() query: ExportActivitiesQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('activities'), ACTIVITY_EXPORT_COLUMNS, this.activities.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'crm.activities:read', summary: 'An activity (ETag: its version)', ok: ActivityResponseDto, problems: [404] })
  getActivity(@UuidParam() id: string): Promise<ActivityResponseDto> {
    return this.activities.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'crm.activities:update', summary: 'Change an activity (If-Match)', ok: ActivityResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateActivity(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateActivityDto): Promise<ActivityResponseDto> {
    return this.activities.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'crm.activities:delete', summary: 'Soft-delete an activity (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteActivity(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.activities.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'crm.activities:delete', summary: 'Restore a soft-deleted activity', ok: ActivityResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreActivity(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ActivityResponseDto> {
    return this.activities.restore(id, version);
  }
}
