import type { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiProduces, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, ETAG_HEADER, Etagged, IfMatch, ParseUuidPipe } from '@libs/http';
import { CsvBody, csvFile, exportFileName } from '@libs/csv';
import { Idempotent } from '@libs/idempotency';
import { TimelinePageDto, TimelineQueryDto } from '../timeline/timeline.dto';
import { TimelineService } from '../timeline/timeline.service';
import { LEAD_EXPORT_COLUMNS } from './lead-csv';
import { DuplicateProblemDto } from '../shared/duplicates.dto';
import { ConvertLeadDto, ConvertLeadResponseDto } from './lead-conversion.dto';
import { LeadConversionService } from './lead-conversion.service';
import { CreateLeadDto, LeadPageDto, LeadResponseDto, ListLeadsQueryDto, UpdateLeadDto, ExportLeadsQueryDto } from './lead.dto';
import { ImportLeadsQueryDto, LeadImportReportDto } from './lead-import.dto';
import { LeadsImportService } from './leads-import.service';
import { LeadsService } from './leads.service';

/** Thin: validate (DTOs, pipes), authorize (@RequirePermission), call one service method. */
@ApiTags('crm')
@Etagged()
@ApiExtraModels(DuplicateProblemDto)
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly conversion: LeadConversionService,
    private readonly importer: LeadsImportService,
    private readonly timelines: TimelineService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission('crm.leads:create')
  @ApiOperation({ summary: 'Create a lead', description: 'A lead sharing e-mail or phone with existing leads or contacts is a 409 listing them, unless `allowDuplicates` is true.' })
  @ApiCreatedResponse({ type: LeadResponseDto, headers: ETAG_HEADER })
  @ApiConflictResponse({ description: 'CRM_DUPLICATE_CANDIDATES', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/DuplicateProblemDto' } } } })
  @ApiProblemResponses(403, 422)
  createLead(@Body() dto: CreateLeadDto): Promise<LeadResponseDto> {
    return this.leads.create(dto);
  }

  @Get()
  @RequirePermission('crm.leads:read')
  @ApiOperation({ summary: 'List leads', description: 'Filters combine with AND; keyset pagination (`cursor` from `nextCursor`).' })
  @ApiOkResponse({ type: LeadPageDto })
  listLeads(@Query() query: ListLeadsQueryDto): Promise<LeadPageDto> {
    return this.leads.list(query);
  }

  @Get('export')
  @RequirePermission('crm.leads:read')
  @ApiOperation({ summary: 'Export leads as CSV', description: 'Same filters and sort as the list; streamed, every matching row (UTF-8 with BOM).' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  exportLeads(@Query() query: ExportLeadsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('leads'), LEAD_EXPORT_COLUMNS, this.leads.export(query));
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('crm.leads:import')
  @ApiOperation({
    summary: 'Import leads from CSV (dry run by default)',
    description:
      'Body: the CSV file (Content-Type: text/csv, comma or semicolon separated, header row with at least `source`; ' +
      'columns as in the export, `interests` separated by `|`). `dryRun=true` (default) validates every row and reports ' +
      'errors (row, field, message) without writing; `dryRun=false` imports the valid rows in batches of 1,000, one ' +
      'transaction each, and reports what it did. Rows matching an existing lead or contact (or an earlier row) by e-mail ' +
      'or phone are reported, not imported, unless `allowDuplicates=true`. Not idempotent: re-running imports again.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: LeadImportReportDto })
  @ApiProblemResponses(403, 413, 415, 422)
  importLeads(@CsvBody() csv: Readable, @Query() query: ImportLeadsQueryDto): Promise<LeadImportReportDto> {
    return this.importer.import(csv, query);
  }

  @Get(':id')
  @RequirePermission('crm.leads:read')
  @ApiOperation({ summary: 'A lead (ETag: its version)' })
  @ApiOkResponse({ type: LeadResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404)
  getLead(@Param('id', ParseUuidPipe) id: string): Promise<LeadResponseDto> {
    return this.leads.get(id);
  }

  @Patch(':id')
  @RequirePermission('crm.leads:update')
  @ApiOperation({ summary: 'Change a lead, including its status (If-Match)', description: 'An illegal status move is a 409 CRM_LEAD_ILLEGAL_TRANSITION; lost needs a lostReason.' })
  @ApiOkResponse({ type: LeadResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(403, 404, 409, 422)
  @ApiIfMatch()
  updateLead(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateLeadDto): Promise<LeadResponseDto> {
    return this.leads.update(id, version, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('crm.leads:delete')
  @ApiOperation({ summary: 'Soft-delete a lead (If-Match); restore undoes it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(404)
  @ApiIfMatch()
  deleteLead(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number): Promise<void> {
    return this.leads.remove(id, version);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('crm.leads:delete')
  @ApiOperation({ summary: 'Restore a soft-deleted lead' })
  @ApiOkResponse({ type: LeadResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404, 409)
  @ApiIfMatch({ required: false })
  restoreLead(@Param('id', ParseUuidPipe) id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<LeadResponseDto> {
    return this.leads.restore(id, version);
  }

  @Post(':id/convert')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('crm.leads:convert')
  @ApiOperation({
    summary: 'Convert a qualified lead into a contact (and company)',
    description:
      'Creates (or links) the company and the contact in one transaction, marks the lead converted and emits crm.lead.converted. ' +
      'A lead that is not qualified is a 409 CRM_LEAD_NOT_CONVERTIBLE; missing contact data a 422 CRM_LEAD_INCOMPLETE.',
  })
  @ApiOkResponse({ type: ConvertLeadResponseDto, headers: ETAG_HEADER })
  @ApiConflictResponse({ description: 'CRM_LEAD_NOT_CONVERTIBLE or CRM_DUPLICATE_CANDIDATES', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/DuplicateProblemDto' } } } })
  @ApiProblemResponses(403, 404, 422)
  @ApiIfMatch({ required: false })
  convertLead(
    @Param('id', ParseUuidPipe) id: string,
    @IfMatch({ optional: true }) version: number | undefined,
    @Body() dto: ConvertLeadDto,
  ): Promise<ConvertLeadResponseDto> {
    return this.conversion.convert(id, version, dto);
  }

  @Get(':id/timeline')
  @RequirePermission('crm.leads:read')
  @ApiOperation({ summary: "The lead's activities and recorded changes, newest first", description: 'Activities appear with crm.activities:read; without it, only the recorded changes.' })
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiProblemResponses(404)
  getLeadTimeline(@Param('id', ParseUuidPipe) id: string, @Query() query: TimelineQueryDto): Promise<TimelinePageDto> {
    return this.timelines.timeline('lead', id, query);
  }
}
