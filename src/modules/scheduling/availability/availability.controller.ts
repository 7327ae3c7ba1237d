import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import {
  AbsencePageDto,
  AbsenceResponseDto,
  CreateAbsenceDto,
  CreateWorkingHoursDto,
  ListAbsencesQueryDto,
  ListWorkingHoursQueryDto,
  WorkingHoursPageDto,
  WorkingHoursResponseDto,
} from './availability.dto';
import { AbsencesService, WorkingHoursService } from './availability.service';

@ApiTags('scheduling')
@Controller('working-hours')
export class WorkingHoursController {
  constructor(private readonly hours: WorkingHoursService) {}

  @Post()
  @Operation({ permission: 'scheduling.availability:manage', summary: "Add a consultant's working hours on a weekday", created: WorkingHoursResponseDto, problems: [403, 422], idempotent: true })
  createWorkingHours(@Body() dto: CreateWorkingHoursDto): Promise<WorkingHoursResponseDto> {
    return this.hours.create(dto);
  }

  @Get()
  @Operation({ permission: 'scheduling.availability:read', summary: 'List working hours', ok: WorkingHoursPageDto })
  listWorkingHours(@Query() query: ListWorkingHoursQueryDto): Promise<Page<WorkingHoursResponseDto>> {
    return this.hours.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'scheduling.availability:read', summary: 'Working hours (ETag: their version)', ok: WorkingHoursResponseDto, problems: [404] })
  getWorkingHours(@UuidParam() id: string): Promise<WorkingHoursResponseDto> {
    return this.hours.get(id);
  }

  @Delete(':id')
  @Operation({ permission: 'scheduling.availability:manage', summary: 'Remove working hours (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteWorkingHours(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.hours.remove(id, version);
  }
}

@ApiTags('scheduling')
@Controller('absences')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Post()
  @Operation({ permission: 'scheduling.availability:manage', summary: "Record a consultant's absence (holiday, sick, training)", created: AbsenceResponseDto, problems: [403, 422], idempotent: true })
  createAbsence(@Body() dto: CreateAbsenceDto): Promise<AbsenceResponseDto> {
    return this.absences.create(dto);
  }

  @Get()
  @Operation({ permission: 'scheduling.availability:read', summary: 'List absences', ok: AbsencePageDto })
  listAbsences(@Query() query: ListAbsencesQueryDto): Promise<Page<AbsenceResponseDto>> {
    return this.absences.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'scheduling.availability:read', summary: 'An absence (ETag: its version)', ok: AbsenceResponseDto, problems: [404] })
  getAbsence(@UuidParam() id: string): Promise<AbsenceResponseDto> {
    return this.absences.get(id);
  }

  @Delete(':id')
  @Operation({ permission: 'scheduling.availability:manage', summary: 'Remove an absence (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteAbsence(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.absences.remove(id, version);
  }
}
