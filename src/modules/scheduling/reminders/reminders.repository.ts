import { Injectable } from '@nestjs/common';
import { Repository } from '@libs/db';
import { appointmentReminders } from '../appointments/appointments.schema';

@Injectable()
export class RemindersRepository extends Repository {
  /** Records the reminder once; false when it was recorded before (the check's idempotency). */
  async claim(appointmentId: string, leadMinutes: number, startsAt: Date): Promise<boolean> {
    const rows = await this.db
      .insert(appointmentReminders)
      .values({ appointmentId, leadMinutes, startsAt })
      .onConflictDoNothing({ target: [appointmentReminders.appointmentId, appointmentReminders.leadMinutes, appointmentReminders.startsAt] })
      .returning({ id: appointmentReminders.id });
    return rows.length > 0;
  }
}
