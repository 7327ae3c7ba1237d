import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CreateDepartmentDto, DepartmentPageDto, DepartmentResponseDto, ListDepartmentsQueryDto, UpdateDepartmentDto } from './departments.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('auth')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @Operation({ permission: 'auth.departments:read', summary: 'List departments (by German name unless sorted otherwise)', ok: DepartmentPageDto })
  listDepartments(@Query() query: ListDepartmentsQueryDto): Promise<Page<DepartmentResponseDto>> {
    return this.departments.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'auth.departments:read', summary: 'A department (ETag: its version)', ok: DepartmentResponseDto, problems: [404] })
  getDepartment(@UuidParam() id: string): Promise<DepartmentResponseDto> {
    return this.departments.get(id);
  }

  @Post()
  @Operation({ permission: 'auth.departments:create', summary: 'Create a department', created: DepartmentResponseDto, problems: [422], idempotent: true })
  createDepartment(@Body() dto: CreateDepartmentDto): Promise<DepartmentResponseDto> {
    return this.departments.create(dto);
  }

  @Patch(':id')
  @Operation({ permission: 'auth.departments:update', summary: 'Rename or move a department (If-Match)', ok: DepartmentResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateDepartment(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateDepartmentDto): Promise<DepartmentResponseDto> {
    return this.departments.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({
    permission: 'auth.departments:delete',
    summary: 'Delete a department without users or sub-departments (If-Match)',
    noContent: 'Deleted',
    problems: [404, 409],
    ifMatch: 'required',
  })
  deleteDepartment(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.departments.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'auth.departments:delete', summary: 'Restore a deleted department', ok: DepartmentResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreDepartment(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<DepartmentResponseDto> {
    return this.departments.restore(id, version);
  }
}
