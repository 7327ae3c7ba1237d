import { Body, Controller, Delete, Get, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { AppointmentIcs } from '../calendar/appointment-ics.service';
import { FindSlotsQueryDto, SlotListDto } from '../slots/slot.dto';
import { SlotsService } from '../slots/slots.service';
import {
  AppointmentPageDto,
  AppointmentResponseDto,
  ChangeAppointmentStatusDto,
  CreateAppointmentDto,
  ExportAppointmentsQueryDto,
  ListAppointmentsQueryDto,
  UpdateAppointmentDto,
} from './appointment.dto';
import { APPOINTMENT_EXPORT_COLUMNS } from './appointment.mapper';
import { AppointmentsService } from './appointments.service';

@ApiTags('scheduling')
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly slots: SlotsService,
    private readonly ics: AppointmentIcs,
  ) {}

  @Post()
  @Operation({
    permission: 'scheduling.appointments:create',
    summary: 'Book an appointment',
    description:
      'The consultants (default: you) must be free for the time plus the travel buffers: 409 SCHEDULING_DOUBLE_BOOKING otherwise (naming the conflicting appointment if you may read it). ' +
      'Outside working hours, absences or public holidays: 422 SCHEDULING_OUTSIDE_WORKING_HOURS unless `overrideWorkingHours` (needs scheduling.appointments:override-hours).',
    created: AppointmentResponseDto,
    problems: [403, 409, 422],
    idempotent: true,
  })
  createAppointment(@Body() dto: CreateAppointmentDto): Promise<AppointmentResponseDto> {
    return this.appointments.create(dto);
  }

  @Get()
  @Operation({ permission: 'scheduling.appointments:read', summary: 'List appointments (by consultant, time range, status, kind, links)', ok: AppointmentPageDto })
  listAppointments(@Query() query: ListAppointmentsQueryDto): Promise<Page<AppointmentResponseDto>> {
    return this.appointments.list(query);
  }

  @Get('export')
  @Operation({ permission: 'scheduling.appointments:read', summary: 'Export appointments as CSV', description: 'Same filters and sort as the list.', csv: true })
  exportAppointments(@Query() query: ExportAppointmentsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('appointments'), APPOINTMENT_EXPORT_COLUMNS, this.appointments.export(query));
  }

  @Get('slots')
  @Operation({
    permission: 'scheduling.availability:read',
    summary: 'Free slots of consultants',
    description:
      'Quarter-hour starts within working hours, outside absences, public holidays and existing appointments (travel buffers of `kind` included). ' +
      'At most 31 days, 20 consultants, 15–600 minutes in steps of 15; `limit` (≤ 200) slots, earliest first — with `near`, slots on days the consultant is already nearby first.',
    ok: SlotListDto,
    problems: [422],
  })
  findAppointmentSlots(@Query() query: FindSlotsQueryDto): Promise<SlotListDto> {
    return this.slots.find(query);
  }

  @Get(':id')
  @Operation({ permission: 'scheduling.appointments:read', summary: 'An appointment (ETag: its version)', ok: AppointmentResponseDto, problems: [404] })
  getAppointment(@UuidParam() id: string): Promise<AppointmentResponseDto> {
    return this.appointments.get(id);
  }

  @Get(':id/ics')
  @Operation({ permission: 'scheduling.appointments:read', summary: 'An appointment as an iCalendar file (METHOD:CANCEL once cancelled)', file: true, problems: [404] })
  async getAppointmentIcs(@UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.ics.forAppointment(id);
    await reply.code(200).header('Content-Type', 'text/calendar; charset=utf-8').header('Content-Disposition', `attachment; filename="${file.name}"`).header('ETag', `"${file.etag}"`).send(file.body);
  }

  @Patch(':id')
  @Operation({
    permission: 'scheduling.appointments:update',
    summary: 'Change or reschedule an appointment (If-Match)',
    description: 'Moving start, end, buffers or consultants is checked like a booking (409/422) and emits scheduling.appointment.rescheduled.',
    ok: AppointmentResponseDto,
    problems: [403, 404, 409, 422],
    ifMatch: 'required',
  })
  updateAppointment(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateAppointmentDto): Promise<AppointmentResponseDto> {
    return this.appointments.update(id, version, dto);
  }

  @Post(':id/status')
  @Operation({
    permission: 'scheduling.appointments:update',
    summary: "Move an appointment's status",
    description: 'tentative → confirmed → completed | cancelled | no_show (cancelled also from tentative); cancelled and no_show need a reason. The same status again changes nothing.',
    ok: AppointmentResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
    idempotent: true,
  })
  changeAppointmentStatus(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: ChangeAppointmentStatusDto): Promise<AppointmentResponseDto> {
    return this.appointments.changeStatus(id, version, dto.status, dto.reason);
  }

  @Delete(':id')
  @Operation({ permission: 'scheduling.appointments:delete', summary: 'Soft-delete an appointment (frees the time; If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteAppointment(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.appointments.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'scheduling.appointments:delete', summary: 'Restore a soft-deleted appointment (409 when its time was taken meanwhile)', ok: AppointmentResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreAppointment(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<AppointmentResponseDto> {
    return this.appointments.restore(id, version);
  }
}
