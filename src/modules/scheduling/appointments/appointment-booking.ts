import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { currentGrant } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { pgErrorOf } from '@libs/db';
import { referenceNotFound } from '@libs/resource';
import { CrmQueries } from '../../crm';
import { ProjectsQueries } from '../../projects';
import { SchedulingErrors } from '../scheduling.errors';
import { AvailabilityCalendars } from '../slots/availability-calendars.service';
import { AppointmentsRepository } from './appointments.repository';
import { ParticipantsRepository } from './participants.repository';

const PG_EXCLUSION_VIOLATION = '23P01';

/**
 * What every booking and reschedule checks: links the actor may read, working time (or the
 * override with its permission), and no double booking — checked first for a clear answer, and
 * guaranteed by the exclusion constraint on the participant rows when two requests race.
 */
@Injectable()
export class AppointmentBooking {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly appointments: AppointmentsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly calendars: AvailabilityCalendars,
    private readonly crm: CrmQueries,
    private readonly projects: ProjectsQueries,
  ) {}

  /** 422 for a contact, project or lead the actor cannot read. */
  async assertLinksVisible(links: { contactId?: string | null; projectId?: string | null; leadId?: string | null }): Promise<void> {
    if (links.contactId && !(await this.crm.contact(links.contactId))) throw referenceNotFound('contactId', 'contact');
    if (links.projectId && !(await this.projects.project(links.projectId))) throw referenceNotFound('projectId', 'project');
    if (links.leadId && !(await this.crm.lead(links.leadId))) throw referenceNotFound('leadId', 'lead');
  }

  /**
   * Whether the time lies outside working time; outside it needs `override` (422 without) and its
   * permission (403) — unless staff offered this time to the customer (`offeredByStaff`).
   */
  async outsideWorkingHours(consultantIds: string[], startsAt: Date, endsAt: Date, override: boolean | undefined, offeredByStaff = false): Promise<boolean> {
    if (await this.calendars.withinWorkingTime(consultantIds, startsAt, endsAt)) return false;
    if (offeredByStaff) return true;
    if (!override) throw SchedulingErrors.outsideWorkingHours();
    if (!currentGrant('scheduling.appointments:override-hours')) throw SchedulingErrors.overrideNotPermitted();
    return true;
  }

  /**
   * Runs `write` (which writes the participant rows) in a savepoint: a conflicting active range —
   * found up front or raised by the exclusion constraint when a concurrent booking committed first —
   * is a 409 naming the conflicting appointment only if the actor may read it.
   */
  async guarded<R>(userIds: string[], busy: string, exceptId: string | undefined, write: () => Promise<R>): Promise<R> {
    try {
      return await this.txHost.withTransaction(Propagation.Nested, async () => {
        const conflict = await this.participants.conflicting(userIds, busy, exceptId);
        if (conflict) throw SchedulingErrors.doubleBooking(await this.visible(conflict));
        return write();
      });
    } catch (error) {
      if (pgErrorOf(error)?.code !== PG_EXCLUSION_VIOLATION) throw error;
      const conflict = await this.participants.conflicting(userIds, busy, exceptId);
      throw SchedulingErrors.doubleBooking(conflict && (await this.visible(conflict)));
    }
  }

  private async visible(appointmentId: string): Promise<string | undefined> {
    const scope = currentGrant('scheduling.appointments:read');
    return scope && (await this.appointments.findById(appointmentId, scope)) ? appointmentId : undefined;
  }
}
