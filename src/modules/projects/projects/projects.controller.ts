import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ChangeProjectStatusDto, CreateProjectDto, ExportProjectsQueryDto, ListProjectsQueryDto, ProjectPageDto, ProjectResponseDto, UpdateProjectDto } from './project.dto';
import { PROJECT_EXPORT_COLUMNS } from './project.mapper';
import { ProjectCreationService } from './project-creation.service';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly creation: ProjectCreationService,
  ) {}

  @Post()
  @Operation({
    permission: 'projects.projects:create',
    summary: 'Create a project (numbered P-<year>-<serial>), directly or from a converted lead',
    description:
      'With `sourceLeadId` (a converted lead you may read) the project takes over its contact, company, interests and, as its first building, ' +
      'the property. A lead has at most one project: 409 PROJECTS_LEAD_HAS_PROJECT; a lead that is not converted: 409 PROJECTS_LEAD_NOT_CONVERTED. ' +
      'Converting a lead (POST /leads/{id}/convert) also creates its project, shortly after (crm.lead.converted).',
    created: ProjectResponseDto,
    problems: [403, 409, 422],
    idempotent: true,
  })
  createProject(@Body() dto: CreateProjectDto): Promise<ProjectResponseDto> {
    return this.creation.create(dto);
  }

  @Get()
  @Operation({ permission: 'projects.projects:read', summary: 'List projects', description: 'Filters combine with AND; `q` searches number and title.', ok: ProjectPageDto })
  listProjects(@Query() query: ListProjectsQueryDto): Promise<Page<ProjectResponseDto>> {
    return this.projects.list(query);
  }

  @Get('export')
  @Operation({ permission: 'projects.projects:read', summary: 'Export projects as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportProjects(@Query() query: ExportProjectsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('projects'), PROJECT_EXPORT_COLUMNS, this.projects.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'projects.projects:read', summary: 'A project (ETag: its version)', ok: ProjectResponseDto, problems: [404] })
  getProject(@UuidParam() id: string): Promise<ProjectResponseDto> {
    return this.projects.get(id);
  }

  @Patch(':id')
  @Operation({
    permission: 'projects.projects:update',
    summary: 'Change a project (If-Match)',
    description: 'The status changes through POST /projects/{id}/status.',
    ok: ProjectResponseDto,
    problems: [403, 404, 422],
    ifMatch: 'required',
  })
  updateProject(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateProjectDto): Promise<ProjectResponseDto> {
    return this.projects.update(id, version, dto);
  }

  @Post(':id/status')
  @Operation({
    permission: 'projects.projects:update',
    summary: "Move a project's status",
    description: 'A forbidden move is a 409 PROJECTS_PROJECT_ILLEGAL_TRANSITION naming the allowed ones; cancelling needs a `reason` (422). The same status again changes nothing.',
    ok: ProjectResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
    idempotent: true,
  })
  changeProjectStatus(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: ChangeProjectStatusDto): Promise<ProjectResponseDto> {
    return this.projects.changeStatus(id, version, dto.status, dto.reason);
  }

  @Delete(':id')
  @Operation({ permission: 'projects.projects:delete', summary: 'Soft-delete a project and hide what it contains (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteProject(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.projects.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'projects.projects:delete', summary: 'Restore a soft-deleted project', ok: ProjectResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreProject(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ProjectResponseDto> {
    return this.projects.restore(id, version);
  }
}
