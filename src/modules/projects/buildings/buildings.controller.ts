import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { BuildingPageDto, BuildingResponseDto, CreateBuildingDto, ExportBuildingsQueryDto, ListBuildingsQueryDto, UpdateBuildingDto } from './building.dto';
import { BUILDING_EXPORT_COLUMNS } from './building.mapper';
import { BuildingsService } from './buildings.service';

@ApiTags('projects')
@Controller('buildings')
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Post()
  @Operation({ permission: 'projects.buildings:create', summary: 'Record a building of a project', created: BuildingResponseDto, problems: [403, 422], idempotent: true })
  createBuilding(@Body() dto: CreateBuildingDto): Promise<BuildingResponseDto> {
    return this.buildings.create(dto);
  }

  @Get()
  @Operation({ permission: 'projects.buildings:read', summary: 'List buildings', ok: BuildingPageDto })
  listBuildings(@Query() query: ListBuildingsQueryDto): Promise<Page<BuildingResponseDto>> {
    return this.buildings.list(query);
  }

  @Get('export')
  @Operation({ permission: 'projects.buildings:read', summary: 'Export buildings as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportBuildings(@Query() query: ExportBuildingsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('buildings'), BUILDING_EXPORT_COLUMNS, this.buildings.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'projects.buildings:read', summary: 'A building (ETag: its version)', ok: BuildingResponseDto, problems: [404] })
  getBuilding(@UuidParam() id: string): Promise<BuildingResponseDto> {
    return this.buildings.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'projects.buildings:update', summary: 'Change a building (If-Match)', ok: BuildingResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateBuilding(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateBuildingDto): Promise<BuildingResponseDto> {
    return this.buildings.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'projects.buildings:delete', summary: 'Soft-delete a building (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteBuilding(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.buildings.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'projects.buildings:delete', summary: 'Restore a soft-deleted building', ok: BuildingResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreBuilding(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<BuildingResponseDto> {
    return this.buildings.restore(id, version);
  }
}
