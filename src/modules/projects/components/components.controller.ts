import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ComponentPageDto, ComponentResponseDto, CreateComponentDto, ExportComponentsQueryDto, ListComponentsQueryDto, UpdateComponentDto } from './component.dto';
import { COMPONENT_EXPORT_COLUMNS } from './component.mapper';
import { ComponentsService } from './components.service';

const U_VALUE_NOTE =
  'With `layers` the U-value is computed per DIN EN ISO 6946 (U = 1/(R_si + Σ d/λ + R_se), surface resistances by heat-flow direction and boundary, ' +
  'from the seeded method valid today) and stored unrounded (`uValue`) and as the standard presents it (`uValueRounded`); or give `declaredUValue`.';

@ApiTags('projects')
@Controller('components')
export class ComponentsController {
  constructor(private readonly components: ComponentsService) {}

  @Post()
  @Operation({ permission: 'projects.buildings:create', summary: 'Record a component of a building envelope', description: U_VALUE_NOTE, created: ComponentResponseDto, problems: [403, 422], idempotent: true })
  createComponent(@Body() dto: CreateComponentDto): Promise<ComponentResponseDto> {
    return this.components.create(dto);
  }

  @Get()
  @Operation({ permission: 'projects.buildings:read', summary: 'List building components', description: '`q` matches the name.', ok: ComponentPageDto })
  listComponents(@Query() query: ListComponentsQueryDto): Promise<Page<ComponentResponseDto>> {
    return this.components.list(query);
  }

  @Get('export')
  @Operation({ permission: 'projects.buildings:read', summary: 'Export building components as CSV', csv: true })
  exportComponents(@Query() query: ExportComponentsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('components'), COMPONENT_EXPORT_COLUMNS, this.components.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'projects.buildings:read', summary: 'A building component (ETag: its version)', ok: ComponentResponseDto, problems: [404] })
  getComponent(@UuidParam() id: string): Promise<ComponentResponseDto> {
    return this.components.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'projects.buildings:update', summary: 'Change a building component (If-Match)', description: U_VALUE_NOTE, ok: ComponentResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateComponent(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateComponentDto): Promise<ComponentResponseDto> {
    return this.components.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({
    permission: 'projects.buildings:delete',
    summary: 'Soft-delete a building component (If-Match)',
    description: 'Refused (409 PROJECTS_COMPONENT_IN_USE) while a measure of a draft scenario changes it.',
    noContent: 'Deleted',
    problems: [404, 409],
    ifMatch: 'required',
  })
  deleteComponent(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.components.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'projects.buildings:delete', summary: 'Restore a soft-deleted building component', ok: ComponentResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreComponent(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ComponentResponseDto> {
    return this.components.restore(id, version);
  }
}
