import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, Etagged, IfMatch, ParseUuidPipe } from '@libs/http';
import {
  CreateDepartmentDto,
  DepartmentPageDto,
  DepartmentResponseDto,
  ListDepartmentsQueryDto,
  toDepartmentResponse,
  UpdateDepartmentDto,
} from './departments.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('auth')
@Etagged()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @RequirePermission('auth.departments:read')
  @ApiOperation({ summary: 'List departments, by German name' })
  @ApiOkResponse({ type: DepartmentPageDto })
  @ApiProblemResponses(400)
  async listDepartments(@Query() query: ListDepartmentsQueryDto): Promise<DepartmentPageDto> {
    const page = await this.departments.list(query);
    return { items: page.items.map(toDepartmentResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('auth.departments:read')
  @ApiOperation({ summary: 'A department (ETag: its version)' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiProblemResponses(400, 404)
  async getDepartment(@Param('id', ParseUuidPipe) id: string): Promise<DepartmentResponseDto> {
    const department = await this.departments.get(id);
    return toDepartmentResponse(department);
  }

  @Post()
  @RequirePermission('auth.departments:create')
  @ApiOperation({ summary: 'Create a department' })
  @ApiCreatedResponse({ type: DepartmentResponseDto })
  @ApiProblemResponses(400, 404)
  async createDepartment(@Body() dto: CreateDepartmentDto): Promise<DepartmentResponseDto> {
    const department = await this.departments.create(dto);
    return toDepartmentResponse(department);
  }

  @Patch(':id')
  @RequirePermission('auth.departments:update')
  @ApiOperation({ summary: 'Rename or move a department (If-Match: the ETag you read)' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiProblemResponses(400, 404, 422)
  @ApiIfMatch()
  async updateDepartment(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateDepartmentDto,
    @IfMatch() version: number,
  ): Promise<DepartmentResponseDto> {
    const department = await this.departments.update(id, dto, version);
    return toDepartmentResponse(department);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('auth.departments:delete')
  @ApiOperation({ summary: 'Delete a department without users or sub-departments (If-Match)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, 404, 409)
  @ApiIfMatch()
  deleteDepartment(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number): Promise<void> {
    return this.departments.delete(id, version);
  }
}
