import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CreateMaterialDto, ExportMaterialsQueryDto, ListMaterialsQueryDto, MaterialPageDto, MaterialResponseDto, UpdateMaterialDto } from './material.dto';
import { MATERIAL_EXPORT_COLUMNS } from './material.mapper';
import { MaterialsService } from './materials.service';

@ApiTags('projects')
@Controller('materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @Post()
  @Operation({ permission: 'projects.materials:create', summary: 'Add a building material to the catalogue', created: MaterialResponseDto, problems: [403, 422], idempotent: true })
  createMaterial(@Body() dto: CreateMaterialDto): Promise<MaterialResponseDto> {
    return this.materials.create(dto);
  }

  @Get()
  @Operation({ permission: 'projects.materials:read', summary: 'List the building-material catalogue', description: '`q` searches the German and English names.', ok: MaterialPageDto })
  listMaterials(@Query() query: ListMaterialsQueryDto): Promise<Page<MaterialResponseDto>> {
    return this.materials.list(query);
  }

  @Get('export')
  @Operation({ permission: 'projects.materials:read', summary: 'Export the material catalogue as CSV', csv: true })
  exportMaterials(@Query() query: ExportMaterialsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('materials'), MATERIAL_EXPORT_COLUMNS, this.materials.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'projects.materials:read', summary: 'A material (ETag: its version)', ok: MaterialResponseDto, problems: [404] })
  getMaterial(@UuidParam() id: string): Promise<MaterialResponseDto> {
    return this.materials.get(id);
  }

  @Patch(':id')
  @Operation({
    permission: 'projects.materials:update',
    summary: 'Change an added material (If-Match)',
    description: 'Seeded reference materials are read-only: 409 PROJECTS_MATERIAL_SEEDED. Layers that used the material keep the values they copied.',
    ok: MaterialResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'required',
  })
  updateMaterial(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateMaterialDto): Promise<MaterialResponseDto> {
    return this.materials.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'projects.materials:delete', summary: 'Soft-delete an added material (If-Match)', noContent: 'Deleted', problems: [404, 409], ifMatch: 'required' })
  deleteMaterial(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.materials.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'projects.materials:delete', summary: 'Restore a soft-deleted material', ok: MaterialResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreMaterial(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<MaterialResponseDto> {
    return this.materials.restore(id, version);
  }
}
