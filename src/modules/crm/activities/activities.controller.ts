import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiProduces, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, ETAG_HEADER, Etagged, IfMatch, ParseUuidPipe } from '@libs/http';
import { csvFile, exportFileName } from '@libs/csv';
import { Idempotent } from '@libs/idempotency';
import { ACTIVITY_EXPORT_COLUMNS } from './activity-csv';
import { ActivityPageDto, ActivityResponseDto, CreateActivityDto, ListActivitiesQueryDto, UpdateActivityDto, ExportActivitiesQueryDto } from './activity.dto';
import { ActivitiesService } from './activities.service';

@ApiTags('crm')
@Etagged()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  @Idempotent()
  @RequirePermission('crm.activities:create')
  @ApiOperation({ summary: 'Record a note, call, e-mail or meeting on a lead, contact and/or company' })
  @ApiCreatedResponse({ type: ActivityResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(403, 422)
  createActivity(@Body() dto: CreateActivityDto): Promise<ActivityResponseDto> {
    return this.activities.create(dto);
  }

  @Get()
  @RequirePermission('crm.activities:read')
  @ApiOperation({ summary: 'List activities' })
  @ApiOkResponse({ type: ActivityPageDto })
  listActivities(@Query() query: ListActivitiesQueryDto): Promise<ActivityPageDto> {
    return this.activities.list(query);
  }

  @Get('export')
  @RequirePermission('crm.activities:read')
  @ApiOperation({ summary: 'Export activities as CSV', description: 'Same filters and sort as the list; streamed, every matching row (UTF-8 with BOM).' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  exportActivities(@Query() query: ExportActivitiesQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('activities'), ACTIVITY_EXPORT_COLUMNS, this.activities.export(query));
  }

  @Get(':id')
  @RequirePermission('crm.activities:read')
  @ApiOperation({ summary: 'An activity (ETag: its version)' })
  @ApiOkResponse({ type: ActivityResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404)
  getActivity(@Param('id', ParseUuidPipe) id: string): Promise<ActivityResponseDto> {
    return this.activities.get(id);
  }

  @Patch(':id')
  @RequirePermission('crm.activities:update')
  @ApiOperation({ summary: 'Change an activity (If-Match)' })
  @ApiOkResponse({ type: ActivityResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404, 422)
  @ApiIfMatch()
  updateActivity(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateActivityDto): Promise<ActivityResponseDto> {
    return this.activities.update(id, version, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('crm.activities:delete')
  @ApiOperation({ summary: 'Soft-delete an activity (If-Match)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(404)
  @ApiIfMatch()
  deleteActivity(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number): Promise<void> {
    return this.activities.remove(id, version);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('crm.activities:delete')
  @ApiOperation({ summary: 'Restore a soft-deleted activity' })
  @ApiOkResponse({ type: ActivityResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404, 409)
  @ApiIfMatch({ required: false })
  restoreActivity(@Param('id', ParseUuidPipe) id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ActivityResponseDto> {
    return this.activities.restore(id, version);
  }
}
