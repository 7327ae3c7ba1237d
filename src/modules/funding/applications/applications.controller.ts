import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import {
  ApplicationChecklistDto,
  ApplicationPageDto,
  ApplicationResponseDto,
  CreateApplicationDto,
  LinkChecklistDocumentDto,
  ListApplicationsQueryDto,
  MoveApplicationDto,
  UpdateApplicationDto,
} from './application.dto';
import { ApplicationStatusService } from './application-status.service';
import { ApplicationsService } from './applications.service';

@ApiTags('funding')
@Controller('funding/applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly status: ApplicationStatusService,
  ) {}

  @Post()
  @Operation({ permission: 'funding.applications:create', summary: 'Create a funding application (draft) of a project for a programme', created: ApplicationResponseDto, problems: [403, 422], idempotent: true })
  createFundingApplication(@Body() dto: CreateApplicationDto): Promise<ApplicationResponseDto> {
    return this.applications.create(dto);
  }

  @Get()
  @Operation({ permission: 'funding.applications:read', summary: 'Funding applications with deadline states (filter deadline=due_soon|overdue)', ok: ApplicationPageDto })
  listFundingApplications(@Query() query: ListApplicationsQueryDto): Promise<Page<ApplicationResponseDto>> {
    return this.applications.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'funding.applications:read', summary: 'A funding application (ETag: its version)', ok: ApplicationResponseDto, problems: [404] })
  getFundingApplication(@UuidParam() id: string): Promise<ApplicationResponseDto> {
    return this.applications.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'funding.applications:update', summary: 'Change a funding application (If-Match)', ok: ApplicationResponseDto, problems: [403, 404, 409, 422], ifMatch: 'required' })
  updateFundingApplication(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateApplicationDto): Promise<ApplicationResponseDto> {
    return this.applications.update(id, version, dto);
  }

  @Post(':id/status')
  @Operation({
    permission: 'funding.applications:update',
    summary: 'Move a funding application through its pipeline; submitting checks the start-of-project rule',
    description:
      'Allowed moves: draft → prepared → submitted → approved → proofs_submitted → paid, plus rejected, withdrawn, expired (409 otherwise, `nextStatuses` names them). Approval needs amount and date, payment amount and date (422). Submitting is refused (422 FUNDING_CONTRACT_WITHOUT_FUNDING_CLAUSE) when the project has a works contract signed without the funding clause. If-Match optional (412 when stale).',
    ok: ApplicationResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
  })
  moveFundingApplication(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: MoveApplicationDto): Promise<ApplicationResponseDto> {
    return this.status.move(id, version, dto);
  }

  @Get(':id/checklist')
  @Operation({ permission: 'funding.applications:read', summary: "The programme's document checklist with the documents linked to each item", ok: ApplicationChecklistDto, problems: [404] })
  getFundingApplicationChecklist(@UuidParam() id: string): Promise<ApplicationChecklistDto> {
    return this.applications.checklist(id);
  }

  @Post(':id/checklist-documents')
  @Operation({ permission: 'funding.applications:update', summary: "Link a document to an item of the programme's checklist (by its key)", ok: ApplicationChecklistDto, problems: [404, 409, 422] })
  linkFundingChecklistDocument(@UuidParam() id: string, @Body() dto: LinkChecklistDocumentDto): Promise<ApplicationChecklistDto> {
    return this.applications.linkDocument(id, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'funding.applications:delete', summary: 'Soft-delete a funding application (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteFundingApplication(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.applications.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'funding.applications:delete', summary: 'Restore a soft-deleted funding application', ok: ApplicationResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreFundingApplication(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ApplicationResponseDto> {
    return this.applications.restore(id, version);
  }
}
