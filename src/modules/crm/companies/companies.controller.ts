import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CompanyPageDto, CompanyResponseDto, CreateCompanyDto, ExportCompaniesQueryDto, ListCompaniesQueryDto, UpdateCompanyDto } from './company.dto';
import { COMPANY_EXPORT_COLUMNS } from './company.mapper';
import { CompaniesService } from './companies.service';

@ApiTags('crm')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @Operation({ permission: 'crm.companies:create', summary: 'Create a company', created: CompanyResponseDto, problems: [403, 422], idempotent: true })
  createCompany(@Body() dto: CreateCompanyDto): Promise<CompanyResponseDto> {
    return this.companies.create(dto);
  }

  @Get()
  @Operation({ permission: 'crm.companies:read', summary: 'List companies', ok: CompanyPageDto })
  listCompanies(@Query() query: ListCompaniesQueryDto): Promise<Page<CompanyResponseDto>> {
    return this.companies.list(query);
  }

  @Get('export')
  @Operation({ permission: 'crm.companies:read', summary: 'Export companies as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportCompanies(@Query() query: ExportCompaniesQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('companies'), COMPANY_EXPORT_COLUMNS, this.companies.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'crm.companies:read', summary: 'A company (ETag: its version)', ok: CompanyResponseDto, problems: [404] })
  getCompany(@UuidParam() id: string): Promise<CompanyResponseDto> {
    return this.companies.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'crm.companies:update', summary: 'Change a company (If-Match)', ok: CompanyResponseDto, problems: [403, 404, 422], ifMatch: 'required' })
  updateCompany(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateCompanyDto): Promise<CompanyResponseDto> {
    return this.companies.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'crm.companies:delete', summary: 'Soft-delete a company (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteCompany(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.companies.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'crm.companies:delete', summary: 'Restore a soft-deleted company', ok: CompanyResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreCompany(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<CompanyResponseDto> {
    return this.companies.restore(id, version);
  }
}
