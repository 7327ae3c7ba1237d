import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventHandler, DomainEventSubscriber } from '@libs/events';
import { AppError } from '@libs/http';
import type { AppointmentCompletedV1, SCHEDULING_EVENTS } from '../../scheduling';
import { ProjectsCommands } from '../projects.commands';

/**
 * The event type scheduling declares. Scheduling sits downstream and imports projects, so the value
 * is written out here; typing it by the declaration (a type-only import, no runtime cycle) makes a
 * rename on either side fail the build.
 */
export const APPOINTMENT_COMPLETED: (typeof SCHEDULING_EVENTS)['appointment']['completed']['type'] = 'scheduling.appointment.completed';

/**
 * `scheduling.appointment.completed` of an on-site visit linked to a project → the project moves
 * to `surveyed` when its status rules allow it (from `new` or `survey_planned`); otherwise (already
 * further, cancelled, deleted) it is left alone — the visit happened, the pipeline decides.
 */
@Injectable()
@DomainEventSubscriber({ name: 'projects.surveyed-after-visit', types: [APPOINTMENT_COMPLETED] })
export class ProjectSurveyedSubscriber implements DomainEventHandler<AppointmentCompletedV1> {
  constructor(private readonly commands: ProjectsCommands) {}

  async handle(event: DomainEvent<AppointmentCompletedV1>): Promise<void> {
    const { kind, projectId } = event.payload;
    if (kind !== 'on_site_visit' || !projectId) return;
    try {
      await this.commands.changeStatus(projectId, 'surveyed', { ifAllowed: true });
    } catch (error) {
      if (!(error instanceof AppError && error.getStatus() === 404)) throw error;
    }
  }
}
