import type { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CsvBody, csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { DUPLICATES_PROBLEM } from '../shared/duplicates.dto';
import { LEAD_EXPORT_COLUMNS } from './lead-csv';
import { ConvertLeadDto, ConvertLeadResponseDto } from './lead-conversion.dto';
import { LeadConversionService } from './lead-conversion.service';
import { CreateLeadDto, ExportLeadsQueryDto, LeadPageDto, LeadResponseDto, ListLeadsQueryDto, UpdateLeadDto } from './lead.dto';
import { ImportLeadsQueryDto, LeadImportReportDto } from './lead-import.dto';
import { LeadsImportService } from './leads-import.service';
import { LeadsService } from './leads.service';

/** Thin: validate (DTOs, pipes), authorize (the operation's permission), call one service method. */
@ApiTags('crm')
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly conversion: LeadConversionService,
    private readonly importer: LeadsImportService,
  ) {}

  @Post()
  @Operation({
    permission: 'crm.leads:create',
    summary: 'Create a lead',
    description: 'A lead sharing e-mail or phone with existing leads or contacts is a 409 listing them, unless `allowDuplicates` is true.',
    created: LeadResponseDto,
    problems: [403, 422, DUPLICATES_PROBLEM],
    idempotent: true,
  })
  createLead(@Body() dto: CreateLeadDto): Promise<LeadResponseDto> {
    return this.leads.create(dto);
  }

  @Get()
  @Operation({ permission: 'crm.leads:read', summary: 'List leads', description: 'Filters combine with AND; keyset pagination (`cursor` from `nextCursor`).', ok: LeadPageDto })
  listLeads(@Query() query: ListLeadsQueryDto): Promise<Page<LeadResponseDto>> {
    return this.leads.list(query);
  }

  @Get('export')
  @Operation({ permission: 'crm.leads:read', summary: 'Export leads as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportLeads(@Query() query: ExportLeadsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('leads'), LEAD_EXPORT_COLUMNS, this.leads.export(query));
  }

  @Post('import')
  @Operation({
    permission: 'crm.leads:import',
    summary: 'Import leads from CSV (dry run by default)',
    description:
      'Body: the CSV file (Content-Type: text/csv, comma or semicolon separated, header row with at least `source`; ' +
      'columns as in the export, `interests` separated by `|`). `dryRun=true` (default) validates every row and reports ' +
      'errors (row, field, message) without writing; `dryRun=false` imports the valid rows in batches of 1,000, one ' +
      'transaction each, and reports what it did. Rows matching an existing lead or contact (or an earlier row) by e-mail ' +
      'or phone are reported, not imported, unless `allowDuplicates=true`. Not idempotent: re-running imports again.',
    ok: LeadImportReportDto,
    problems: [403, 413, 415, 422],
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  importLeads(@CsvBody() csv: Readable, @Query() query: ImportLeadsQueryDto): Promise<LeadImportReportDto> {
    return this.importer.import(csv, query);
  }

  @Get(':id')
  @Operation({ permission: 'crm.leads:read', summary: 'A lead (ETag: its version)', ok: LeadResponseDto, problems: [404] })
  getLead(@UuidParam() id: string): Promise<LeadResponseDto> {
    return this.leads.get(id);
  }

  @Patch(':id')
  @Operation({
    permission: 'crm.leads:update',
    summary: 'Change a lead, including its status (If-Match)',
    description: 'An illegal status move is a 409 CRM_LEAD_ILLEGAL_TRANSITION; lost needs a lostReason.',
    ok: LeadResponseDto,
    problems: [403, 404, 409, 422],
    ifMatch: 'required',
  })
  updateLead(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateLeadDto): Promise<LeadResponseDto> {
    return this.leads.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'crm.leads:delete', summary: 'Soft-delete a lead (If-Match); restore undoes it', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteLead(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.leads.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'crm.leads:delete', summary: 'Restore a soft-deleted lead', ok: LeadResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreLead(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<LeadResponseDto> {
    return this.leads.restore(id, version);
  }

  @Post(':id/convert')
  @Operation({
    permission: 'crm.leads:convert',
    summary: 'Convert a qualified lead into a contact (and company)',
    description:
      'Creates (or links) the company and the contact in one transaction, marks the lead converted and emits crm.lead.converted. ' +
      'A lead that is not qualified is a 409 CRM_LEAD_NOT_CONVERTIBLE (or CRM_DUPLICATE_CANDIDATES); missing contact data a 422 CRM_LEAD_INCOMPLETE.',
    ok: ConvertLeadResponseDto,
    problems: [403, 404, 422, DUPLICATES_PROBLEM],
    ifMatch: 'optional',
    idempotent: true,
  })
  convertLead(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: ConvertLeadDto): Promise<ConvertLeadResponseDto> {
    return this.conversion.convert(id, version, dto);
  }
}
