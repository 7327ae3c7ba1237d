import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { CheckTime, ScheduledCheck, ScheduledCheckHandler } from '@libs/scheduled-checks';
import { appointmentFacts } from '../appointments/appointment.mapper';
import { AppointmentsRepository } from '../appointments/appointments.repository';
import { KindSettingsRepository } from '../appointments/kind-settings.repository';
import { SCHEDULING_EVENTS } from '../scheduling.events';
import { PublicRequestsRepository } from '../self-service/public-requests.repository';
import { dueLeadTimes } from './reminder.rules';
import { RemindersRepository } from './reminders.repository';

/** Reminders look this far ahead (the longest lead time the kind settings may name). */
const HORIZON_MS = 7 * 86_400_000;

/**
 * `scheduling.appointment.reminder_due` at each lead time of the appointment's kind settings
 * (reference data). Idempotent: one appointment_reminders row per (appointment, lead time, start)
 * is inserted with ON CONFLICT DO NOTHING in the transaction of its event, so a repeated or
 * concurrent run emits nothing twice; a rescheduled appointment (new start) is reminded again.
 * Also forgets the public endpoints' rate-limit log older than a day.
 */
@Injectable()
@ScheduledCheck({ name: 'scheduling.reminders', everyMinutes: 15 })
export class AppointmentRemindersCheck implements ScheduledCheckHandler {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly appointments: AppointmentsRepository,
    private readonly kinds: KindSettingsRepository,
    private readonly reminders: RemindersRepository,
    private readonly publicRequests: PublicRequestsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async run(at: CheckTime): Promise<number> {
    const settings = new Map((await this.kinds.all()).map((setting) => [setting.id, setting]));
    const candidates = await this.appointments.startingBetween(at.now, new Date(at.now.getTime() + HORIZON_MS));
    let emitted = 0;
    for (const appointment of candidates) {
      const leads = dueLeadTimes(appointment.startsAt, settings.get(appointment.kindSettingId)?.reminderLeadMinutes ?? [], at.now);
      for (const leadMinutes of leads) {
        const sent = await this.txHost.withTransaction(async () => {
          if (!(await this.reminders.claim(appointment.id, leadMinutes, appointment.startsAt))) return false;
          await this.outbox.append(SCHEDULING_EVENTS.appointment.reminderDue(appointment.id, { ...appointmentFacts(appointment), leadMinutes, language: appointment.language }));
          return true;
        });
        if (sent) emitted++;
      }
    }
    await this.txHost.withTransaction(() => this.publicRequests.purgeBefore(new Date(at.now.getTime() - 86_400_000)));
    return emitted;
  }
}
