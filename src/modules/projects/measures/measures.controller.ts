import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { MeasureChecksResponseDto } from '../scenarios/scenario-view.dto';
import { ScenarioViewService } from '../scenarios/scenario-view.service';
import { CreateMeasureDto, ExportMeasuresQueryDto, ListMeasuresQueryDto, MeasurePageDto, MeasureResponseDto, UpdateMeasureDto } from './measure.dto';
import { MEASURE_EXPORT_COLUMNS } from './measure.mapper';
import { MeasuresService } from './measures.service';

const DRAFT_ONLY = 'Only measures of draft scenarios change (409 PROJECTS_SCENARIO_NOT_DRAFT).';

@ApiTags('projects')
@Controller('measures')
export class MeasuresController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly view: ScenarioViewService,
  ) {}

  @Post()
  @Operation({
    permission: 'projects.scenarios:create',
    summary: 'Add a measure to a draft scenario',
    description: `${DRAFT_ONLY} Components must belong to the scenario's building and fit the measure's kind (422).`,
    created: MeasureResponseDto,
    problems: [403, 409, 422],
    idempotent: true,
  })
  createMeasure(@Body() dto: CreateMeasureDto): Promise<MeasureResponseDto> {
    return this.measures.create(dto);
  }

  @Get()
  @Operation({ permission: 'projects.scenarios:read', summary: 'List measures', ok: MeasurePageDto })
  listMeasures(@Query() query: ListMeasuresQueryDto): Promise<Page<MeasureResponseDto>> {
    return this.measures.list(query);
  }

  @Get('export')
  @Operation({ permission: 'projects.scenarios:read', summary: 'Export measures as CSV', csv: true })
  exportMeasures(@Query() query: ExportMeasuresQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('measures'), MEASURE_EXPORT_COLUMNS, this.measures.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'projects.scenarios:read', summary: 'A measure (ETag: its version)', ok: MeasureResponseDto, problems: [404] })
  getMeasure(@UuidParam() id: string): Promise<MeasureResponseDto> {
    return this.measures.get(id);
  }

  @Get(':id/checks')
  @Operation({
    permission: 'projects.scenarios:read',
    summary: "A measure's requirement checks (GEG Anlage 7, BEG EM), with explanations in German and English",
    description: 'Computed now for a draft scenario; frozen in the snapshot once presented.',
    ok: MeasureChecksResponseDto,
    problems: [404],
  })
  getMeasureChecks(@UuidParam() id: string): Promise<MeasureChecksResponseDto> {
    return this.view.measureChecks(id);
  }

  @Patch(':id')
  @Operation({ permission: 'projects.scenarios:update', summary: 'Change a measure (If-Match)', description: DRAFT_ONLY, ok: MeasureResponseDto, problems: [404, 409, 422], ifMatch: 'required' })
  updateMeasure(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateMeasureDto): Promise<MeasureResponseDto> {
    return this.measures.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'projects.scenarios:delete', summary: 'Soft-delete a measure (If-Match)', description: DRAFT_ONLY, noContent: 'Deleted', problems: [404, 409], ifMatch: 'required' })
  deleteMeasure(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.measures.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'projects.scenarios:delete', summary: 'Restore a soft-deleted measure', description: DRAFT_ONLY, ok: MeasureResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreMeasure(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<MeasureResponseDto> {
    return this.measures.restore(id, version);
  }
}
