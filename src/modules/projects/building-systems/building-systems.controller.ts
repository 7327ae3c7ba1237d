import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import {
  BuildingSystemPageDto,
  BuildingSystemResponseDto,
  CreateBuildingSystemDto,
  ExportBuildingSystemsQueryDto,
  ListBuildingSystemsQueryDto,
  UpdateBuildingSystemDto,
} from './building-system.dto';
import { BUILDING_SYSTEM_EXPORT_COLUMNS } from './building-system.mapper';
import { BuildingSystemsService } from './building-systems.service';

@ApiTags('projects')
@Controller('building-systems')
export class BuildingSystemsController {
  constructor(private readonly systems: BuildingSystemsService) {}

  @Post()
  @Operation({
    permission: 'projects.buildings:create',
    summary: "Record a piece of a building's plant (heating, hot water, ventilation, PV, storage, …)",
    created: BuildingSystemResponseDto,
    problems: [403, 422],
    idempotent: true,
  })
  createBuildingSystem(@Body() dto: CreateBuildingSystemDto): Promise<BuildingSystemResponseDto> {
    return this.systems.create(dto);
  }

  @Get()
  @Operation({ permission: 'projects.buildings:read', summary: 'List building systems (plant)', ok: BuildingSystemPageDto })
  listBuildingSystems(@Query() query: ListBuildingSystemsQueryDto): Promise<Page<BuildingSystemResponseDto>> {
    return this.systems.list(query);
  }

  @Get('export')
  @Operation({ permission: 'projects.buildings:read', summary: 'Export building systems as CSV', csv: true })
  exportBuildingSystems(@Query() query: ExportBuildingSystemsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('building-systems'), BUILDING_SYSTEM_EXPORT_COLUMNS, this.systems.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'projects.buildings:read', summary: 'A building system (ETag: its version)', ok: BuildingSystemResponseDto, problems: [404] })
  getBuildingSystem(@UuidParam() id: string): Promise<BuildingSystemResponseDto> {
    return this.systems.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'projects.buildings:update', summary: 'Change a building system (If-Match)', ok: BuildingSystemResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateBuildingSystem(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateBuildingSystemDto): Promise<BuildingSystemResponseDto> {
    return this.systems.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'projects.buildings:delete', summary: 'Soft-delete a building system (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteBuildingSystem(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.systems.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'projects.buildings:delete', summary: 'Restore a soft-deleted building system', ok: BuildingSystemResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreBuildingSystem(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<BuildingSystemResponseDto> {
    return this.systems.restore(id, version);
  }
}
