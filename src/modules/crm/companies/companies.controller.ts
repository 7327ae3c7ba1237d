import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiProduces, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, ETAG_HEADER, Etagged, IfMatch, ParseUuidPipe } from '@libs/http';
import { csvFile, exportFileName } from '@libs/csv';
import { Idempotent } from '@libs/idempotency';
import { TimelinePageDto, TimelineQueryDto } from '../timeline/timeline.dto';
import { TimelineService } from '../timeline/timeline.service';
import { COMPANY_EXPORT_COLUMNS } from './company-csv';
import { CompanyPageDto, CompanyResponseDto, CreateCompanyDto, ListCompaniesQueryDto, UpdateCompanyDto, ExportCompaniesQueryDto } from './company.dto';
import { CompaniesService } from './companies.service';

@ApiTags('crm')
@Etagged()
@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly timelines: TimelineService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission('crm.companies:create')
  @ApiOperation({ summary: 'Create a company' })
  @ApiCreatedResponse({ type: CompanyResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(403, 422)
  createCompany(@Body() dto: CreateCompanyDto): Promise<CompanyResponseDto> {
    return this.companies.create(dto);
  }

  @Get()
  @RequirePermission('crm.companies:read')
  @ApiOperation({ summary: 'List companies' })
  @ApiOkResponse({ type: CompanyPageDto })
  listCompanies(@Query() query: ListCompaniesQueryDto): Promise<CompanyPageDto> {
    return this.companies.list(query);
  }

  @Get('export')
  @RequirePermission('crm.companies:read')
  @ApiOperation({ summary: 'Export companies as CSV', description: 'Same filters and sort as the list; streamed, every matching row (UTF-8 with BOM).' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  exportCompanies(@Query() query: ExportCompaniesQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('companies'), COMPANY_EXPORT_COLUMNS, this.companies.export(query));
  }

  @Get(':id')
  @RequirePermission('crm.companies:read')
  @ApiOperation({ summary: 'A company (ETag: its version)' })
  @ApiOkResponse({ type: CompanyResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404)
  getCompany(@Param('id', ParseUuidPipe) id: string): Promise<CompanyResponseDto> {
    return this.companies.get(id);
  }

  @Patch(':id')
  @RequirePermission('crm.companies:update')
  @ApiOperation({ summary: 'Change a company (If-Match)' })
  @ApiOkResponse({ type: CompanyResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(403, 404, 422)
  @ApiIfMatch()
  updateCompany(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateCompanyDto): Promise<CompanyResponseDto> {
    return this.companies.update(id, version, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('crm.companies:delete')
  @ApiOperation({ summary: 'Soft-delete a company (If-Match)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(404)
  @ApiIfMatch()
  deleteCompany(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number): Promise<void> {
    return this.companies.remove(id, version);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('crm.companies:delete')
  @ApiOperation({ summary: 'Restore a soft-deleted company' })
  @ApiOkResponse({ type: CompanyResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404, 409)
  @ApiIfMatch({ required: false })
  restoreCompany(@Param('id', ParseUuidPipe) id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<CompanyResponseDto> {
    return this.companies.restore(id, version);
  }

  @Get(':id/timeline')
  @RequirePermission('crm.companies:read')
  @ApiOperation({ summary: "The company's activities and recorded changes, newest first", description: 'Activities appear with crm.activities:read; without it, only the recorded changes.' })
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiProblemResponses(404)
  getCompanyTimeline(@Param('id', ParseUuidPipe) id: string, @Query() query: TimelineQueryDto): Promise<TimelinePageDto> {
    return this.timelines.timeline('company', id, query);
  }
}
