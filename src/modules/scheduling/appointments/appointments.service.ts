import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope, defaultDepartment, OUT_OF_SCOPE, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { AppError, staleResource } from '@libs/http';
import { ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { SchedulingErrors } from '../scheduling.errors';
import { SCHEDULING_EVENTS } from '../scheduling.events';
import type { AppointmentResponseDto, CreateAppointmentDto, UpdateAppointmentDto } from './appointment.dto';
import { APPOINTMENT_AUDITED_FIELDS, appointmentFacts, appointmentSearchText, locationColumns, toAppointmentResponse } from './appointment.mapper';
import { blocksTime, busyRange, planAppointmentStatus, timeProblems } from './appointment.rules';
import { AppointmentBooking } from './appointment-booking';
import { AppointmentFilters, AppointmentsRepository } from './appointments.repository';
import type { Appointment, appointments, AppointmentStatus } from './appointments.schema';
import { KindSettingsRepository } from './kind-settings.repository';
import { ParticipantsRepository } from './participants.repository';
import { berlinDate } from '@libs/shared';

const APPOINTMENT: ResourceDefinition<Appointment> = {
  name: 'appointment',
  code: 'SCHEDULING_APPOINTMENT',
  permissions: resourcePermissions('scheduling.appointments'),
  events: SCHEDULING_EVENTS.appointment,
  auditedFields: APPOINTMENT_AUDITED_FIELDS,
};

export type ChangeSource = 'staff' | 'customer';

/** Booking, changing, rescheduling and the status of appointments; participant rows follow every change. */
@Injectable()
export class AppointmentsService extends ResourceService<typeof appointments, AppointmentFilters, AppointmentResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: AppointmentsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly kinds: KindSettingsRepository,
    private readonly booking: AppointmentBooking,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, APPOINTMENT, toAppointmentResponse);
  }

  async create(dto: CreateAppointmentDto): Promise<AppointmentResponseDto> {
    const scope = currentScope('scheduling.appointments:create');
    const actorId = currentActorId() as string;
    const consultantIds = dto.consultantIds?.length ? dto.consultantIds : [actorId];
    if (scope === 'own' && !consultantIds.includes(actorId)) {
      throw AppError.forbidden(OUT_OF_SCOPE, 'Your permission covers appointments you take part in: include yourself in consultantIds.');
    }
    const problems = timeProblems(dto.startsAt, dto.endsAt);
    if (problems.length) throw SchedulingErrors.invalid(problems);
    const setting = await this.kinds.validOn(dto.kind, berlinDate(dto.startsAt));
    if (!setting) throw SchedulingErrors.invalid([{ path: 'kind', message: `no settings for ${dto.kind} on this date` }]);
    await this.booking.assertLinksVisible(dto);
    const outside = await this.booking.outsideWorkingHours(consultantIds, dto.startsAt, dto.endsAt, dto.overrideWorkingHours);
    const before = dto.bufferBeforeMinutes ?? setting.bufferBeforeMinutes;
    const after = dto.bufferAfterMinutes ?? setting.bufferAfterMinutes;
    const busy = busyRange(dto.startsAt, dto.endsAt, before, after);
    const location = locationColumns(dto.location);
    return this.booking.guarded(consultantIds, busy, undefined, async () => {
      const row = await this.steps.insert({
        kind: dto.kind,
        kindSettingId: setting.id,
        title: dto.title,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
        bufferBeforeMinutes: before,
        bufferAfterMinutes: after,
        outsideWorkingHours: outside,
        consultantIds,
        contactId: dto.contactId ?? null,
        projectId: dto.projectId ?? null,
        leadId: dto.leadId ?? null,
        ...location,
        remoteUrl: dto.remoteUrl ?? null,
        notes: dto.notes ?? null,
        language: dto.language ?? 'de',
        ownerId: consultantIds[0],
        departmentId: defaultDepartment(undefined),
        searchText: appointmentSearchText({ title: dto.title, locationCity: location.locationCity ?? null, locationPostalCode: location.locationPostalCode ?? null }),
      });
      await this.participants.replace(row.id, consultantIds, busy, true);
      await this.steps.publish(SCHEDULING_EVENTS.appointment.booked(row.id, { ...appointmentFacts(row), title: row.title, outsideWorkingHours: outside }));
      return toAppointmentResponse(row);
    });
  }

  /** PATCH: a change of start, end, buffers or consultants is a reschedule (checked like a booking, `rescheduled` event). */
  async update(id: string, version: number, dto: UpdateAppointmentDto): Promise<AppointmentResponseDto> {
    const scope = currentScope('scheduling.appointments:update');
    const current = await this.steps.load(id, version, scope);
    return toAppointmentResponse(await this.reschedule(current, dto, scope, 'staff'));
  }

  /** Applies `dto` to `current` (loaded within `scope`); used by staff and by the customer's pick of an alternative. */
  async reschedule(current: Appointment, dto: UpdateAppointmentDto, scope: Scope, by: ChangeSource): Promise<Appointment> {
    if (current.status !== 'tentative' && current.status !== 'confirmed') throw SchedulingErrors.notChangeable(current.status);
    const startsAt = dto.startsAt ?? current.startsAt;
    const endsAt = dto.endsAt ?? current.endsAt;
    const consultantIds = dto.consultantIds ?? current.consultantIds;
    const actorId = currentActorId() as string;
    if (scope === 'own' && dto.consultantIds && !dto.consultantIds.includes(actorId)) {
      throw AppError.forbidden(OUT_OF_SCOPE, 'Your permission covers appointments you take part in: keep yourself in consultantIds.');
    }
    const before = dto.bufferBeforeMinutes ?? current.bufferBeforeMinutes;
    const after = dto.bufferAfterMinutes ?? current.bufferAfterMinutes;
    const moved =
      startsAt.getTime() !== current.startsAt.getTime() ||
      endsAt.getTime() !== current.endsAt.getTime() ||
      before !== current.bufferBeforeMinutes ||
      after !== current.bufferAfterMinutes ||
      consultantIds.join() !== current.consultantIds.join();
    const problems = timeProblems(startsAt, endsAt);
    if (problems.length) throw SchedulingErrors.invalid(problems);
    await this.booking.assertLinksVisible(dto);
    const outside = moved ? await this.booking.outsideWorkingHours(consultantIds, startsAt, endsAt, dto.overrideWorkingHours, by === 'customer') : current.outsideWorkingHours;
    const busy = busyRange(startsAt, endsAt, before, after);
    return this.booking.guarded(consultantIds, busy, current.id, async () => {
      const location = locationColumns(dto.location);
      const title = dto.title ?? current.title;
      const changes = {
        ...pickSent(dto, ['contactId', 'projectId', 'leadId', 'remoteUrl', 'notes']),
        title,
        language: dto.language ?? current.language,
        ...location,
        startsAt,
        endsAt,
        consultantIds,
        bufferBeforeMinutes: before,
        bufferAfterMinutes: after,
        outsideWorkingHours: outside,
        ownerId: consultantIds[0],
        sequence: current.sequence + 1,
        searchText: appointmentSearchText({ title, locationCity: location.locationCity ?? current.locationCity, locationPostalCode: location.locationPostalCode ?? current.locationPostalCode }),
      };
      const updated = await this.repository.update(current.id, current.version, changes, scope);
      if (!updated) throw staleResource();
      const diff = fieldChanges(current, updated, APPOINTMENT_AUDITED_FIELDS);
      if (moved) {
        await this.participants.replace(current.id, consultantIds, busy, true);
        await this.steps.publish(
          SCHEDULING_EVENTS.appointment.rescheduled(current.id, {
            ...appointmentFacts(updated),
            previousStartsAt: current.startsAt.toISOString(),
            previousEndsAt: current.endsAt.toISOString(),
            by,
            changes: diff,
          }),
        );
      } else if (Object.keys(diff).length > 0) {
        await this.steps.publish(SCHEDULING_EVENTS.appointment.updated(current.id, { changes: diff }));
      }
      return updated;
    });
  }

  async changeStatus(id: string, version: number | undefined, to: AppointmentStatus, reason: string | null | undefined): Promise<AppointmentResponseDto> {
    const scope = currentScope('scheduling.appointments:update');
    return toAppointmentResponse(await this.moveStatus(id, version, to, reason, scope, 'staff'));
  }

  /** Locks the row, applies the status rules, deactivates the participant rows when cancelled, emits the status's event. */
  moveStatus(id: string, version: number | undefined, to: AppointmentStatus, reason: string | null | undefined, scope: Scope, by: ChangeSource): Promise<Appointment> {
    return this.steps.transaction(async () => {
      const current = await this.steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && current.version !== version) throw staleResource();
      const plan = planAppointmentStatus(current.status, to, reason);
      if (!plan.ok) throw plan.error === 'reason_required' ? SchedulingErrors.reasonRequired() : SchedulingErrors.illegalTransition(current.status, to, plan.allowed);
      if (!plan.changed) return current;
      const updated = await this.repository.update(id, current.version, { status: plan.status, statusReason: plan.reason, sequence: current.sequence + 1 }, scope);
      if (!updated) throw staleResource();
      if (!blocksTime(updated.status, false)) await this.participants.setActive(id, false);
      const facts = appointmentFacts(updated);
      const events = SCHEDULING_EVENTS.appointment;
      if (to === 'confirmed') await this.steps.publish(events.confirmed(id, { ...facts, by }));
      else if (to === 'completed') await this.steps.publish(events.completed(id, facts));
      else await this.steps.publish(events.cancelled(id, { ...facts, reason: plan.reason, by }));
      await this.steps.publish(events.updated(id, { changes: fieldChanges(current, updated, APPOINTMENT_AUDITED_FIELDS) }));
      return updated;
    });
  }

  override async remove(id: string, version: number): Promise<void> {
    await this.steps.transaction(async () => {
      await this.steps.remove(id, version);
      await this.participants.setActive(id, false);
    });
  }

  /** Restoring takes the time back: a conflict meanwhile is a 409. */
  override async restore(id: string, version: number | undefined): Promise<AppointmentResponseDto> {
    const scope = currentScope('scheduling.appointments:delete');
    const deleted = await this.steps.find(id, { live: scope, deleted: scope });
    const busy = busyRange(deleted.startsAt, deleted.endsAt, deleted.bufferBeforeMinutes, deleted.bufferAfterMinutes);
    const restored = await this.booking.guarded(deleted.consultantIds, busy, id, async () => {
      const row = await this.steps.restore(id, version);
      if (blocksTime(row.status, false)) await this.participants.setActive(id, true);
      return row;
    });
    return toAppointmentResponse(restored);
  }
}

function pickSent<T extends object, K extends keyof T>(dto: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const result: Partial<Pick<T, K>> = {};
  for (const key of keys) if (dto[key] !== undefined) result[key] = dto[key];
  return result;
}
