import { Injectable } from '@nestjs/common';
import type { AppointmentResponseDto } from './appointments/appointment.dto';
import { AppointmentsService } from './appointments/appointments.service';

/** How other contexts read appointments: by id, within the current actor's read scope (the system actor sees all). */
@Injectable()
export class SchedulingQueries {
  constructor(private readonly appointments: AppointmentsService) {}

  appointment(id: string): Promise<AppointmentResponseDto | undefined> {
    return this.appointments.lookup(id);
  }
}
