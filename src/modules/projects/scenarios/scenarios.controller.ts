import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import {
  ChangeScenarioStatusDto,
  CopyScenarioDto,
  CreateScenarioDto,
  ExportScenariosQueryDto,
  ListScenariosQueryDto,
  ScenarioPageDto,
  ScenarioResponseDto,
  UpdateScenarioDto,
} from './scenario.dto';
import { SCENARIO_EXPORT_COLUMNS } from './scenario.mapper';
import { ScenarioCopyService } from './scenario-copy.service';
import { ScenarioPresentationService } from './scenario-presentation.service';
import { ScenarioFullResponseDto } from './scenario-view.dto';
import { ScenarioViewService } from './scenario-view.service';
import { ScenariosService } from './scenarios.service';

const FROZEN = 'Only drafts change (409 PROJECTS_SCENARIO_NOT_DRAFT): make a revision of a presented scenario.';

@ApiTags('projects')
@Controller('scenarios')
export class ScenariosController {
  constructor(
    private readonly scenarios: ScenariosService,
    private readonly view: ScenarioViewService,
    private readonly presentation: ScenarioPresentationService,
    private readonly copies: ScenarioCopyService,
  ) {}

  @Post()
  @Operation({ permission: 'projects.scenarios:create', summary: 'Create a renovation scenario (iSFP or comparison) for a building', created: ScenarioResponseDto, problems: [403, 422], idempotent: true })
  createScenario(@Body() dto: CreateScenarioDto): Promise<ScenarioResponseDto> {
    return this.scenarios.create(dto);
  }

  @Get()
  @Operation({ permission: 'projects.scenarios:read', summary: 'List scenarios', ok: ScenarioPageDto })
  listScenarios(@Query() query: ListScenariosQueryDto): Promise<Page<ScenarioResponseDto>> {
    return this.scenarios.list(query);
  }

  @Get('export')
  @Operation({ permission: 'projects.scenarios:read', summary: 'Export scenarios as CSV', csv: true })
  exportScenarios(@Query() query: ExportScenariosQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('scenarios'), SCENARIO_EXPORT_COLUMNS, this.scenarios.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'projects.scenarios:read', summary: 'A scenario (ETag: its version)', ok: ScenarioResponseDto, problems: [404] })
  getScenario(@UuidParam() id: string): Promise<ScenarioResponseDto> {
    return this.scenarios.get(id);
  }

  @Get(':id/full')
  @Operation({
    permission: 'projects.scenarios:read',
    summary: 'A scenario with its measures, components and requirement checks',
    description: "A draft's checks are computed now; a presented scenario answers its frozen snapshot (the reference data and components as they were).",
    ok: ScenarioFullResponseDto,
    problems: [404],
  })
  getScenarioFull(@UuidParam() id: string): Promise<ScenarioFullResponseDto> {
    return this.view.full(id);
  }

  @Patch(':id')
  @Operation({ permission: 'projects.scenarios:update', summary: 'Change a draft scenario (If-Match)', description: FROZEN, ok: ScenarioResponseDto, problems: [404, 409, 422], ifMatch: 'required' })
  updateScenario(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateScenarioDto): Promise<ScenarioResponseDto> {
    return this.scenarios.update(id, version, dto);
  }

  @Post(':id/present')
  @Operation({
    permission: 'projects.scenarios:present',
    summary: 'Present a draft scenario: freeze it into an immutable snapshot',
    description:
      'Refused (409 PROJECTS_SCENARIO_NOT_PRESENTABLE, with errors) unless an iSFP has 1 or 3–5 packages, none empty, and every envelope measure names ' +
      'its components and has a resulting U-value. Supersedes the presented revision it replaces; moves a surveyed project to scenarios_presented.',
    ok: ScenarioFullResponseDto,
    problems: [404, 409],
    ifMatch: 'optional',
    idempotent: true,
  })
  presentScenario(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ScenarioFullResponseDto> {
    return this.presentation.present(id, version);
  }

  @Post(':id/status')
  @Operation({
    permission: 'projects.scenarios:present',
    summary: 'Accept, reject or supersede a presented scenario',
    description: 'A forbidden move is a 409 PROJECTS_SCENARIO_ILLEGAL_TRANSITION.',
    ok: ScenarioResponseDto,
    problems: [404, 409],
    ifMatch: 'optional',
    idempotent: true,
  })
  changeScenarioStatus(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: ChangeScenarioStatusDto): Promise<ScenarioResponseDto> {
    return this.presentation.changeStatus(id, version, dto.status);
  }

  @Post(':id/copy')
  @Operation({ permission: 'projects.scenarios:create', summary: 'Copy a scenario with its measures into a new draft', created: ScenarioResponseDto, problems: [404, 422], idempotent: true })
  copyScenario(@UuidParam() id: string, @Body() dto: CopyScenarioDto): Promise<ScenarioResponseDto> {
    return this.copies.copy(id, dto);
  }

  @Post(':id/revisions')
  @Operation({
    permission: 'projects.scenarios:create',
    summary: 'Start a revision of a presented scenario (a draft copy that supersedes it once presented)',
    description: 'A draft is changed directly: 409 PROJECTS_SCENARIO_IS_DRAFT.',
    created: ScenarioResponseDto,
    problems: [404, 409, 422],
    idempotent: true,
  })
  reviseScenario(@UuidParam() id: string): Promise<ScenarioResponseDto> {
    return this.copies.revise(id);
  }

  @Delete(':id')
  @Operation({ permission: 'projects.scenarios:delete', summary: 'Soft-delete a scenario (If-Match); its snapshots stay', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteScenario(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.scenarios.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'projects.scenarios:delete', summary: 'Restore a soft-deleted scenario', ok: ScenarioResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreScenario(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ScenarioResponseDto> {
    return this.scenarios.restore(id, version);
  }
}
