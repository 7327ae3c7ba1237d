import { Injectable } from '@nestjs/common';
import { currentScope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import { locationOf } from '../appointments/appointment.mapper';
import { isOpenStatus, timeProblems } from '../appointments/appointment.rules';
import type { Appointment, AppointmentCustomerLink } from '../appointments/appointments.schema';
import { AppointmentsService } from '../appointments/appointments.service';
import { SchedulingErrors } from '../scheduling.errors';
import type { CreateCustomerLinkDto, CustomerAppointmentViewDto, CustomerLinkResponseDto, CustomerResponseDto } from './customer-link.dto';
import { CustomerLinksRepository } from './customer-links.repository';
import { PublicRateLimit } from './public-rate-limit';
import { hashToken, isTokenShape, newToken } from './public-tokens';

const DEFAULT_LINK_HOURS = 168;

/**
 * The customer's side of an appointment, without a login: a link with an unguessable token (only
 * its SHA-256 is stored) that expires; with it the customer sees the appointment and confirms,
 * cancels or picks an offered alternative. Unknown token: 404; expired, or the appointment is no
 * longer open: 410. Every public request counts towards the address's rate limit (429).
 */
@Injectable()
export class CustomerSelfService {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly links: CustomerLinksRepository,
    private readonly rateLimit: PublicRateLimit,
  ) {}

  async createLink(appointmentId: string, dto: CreateCustomerLinkDto): Promise<CustomerLinkResponseDto> {
    const appointment = await this.appointments.steps.find(appointmentId, currentScope('scheduling.appointments:update'));
    if (!isOpenStatus(appointment.status)) throw SchedulingErrors.notChangeable(appointment.status);
    const alternatives = dto.alternatives ?? [];
    const problems = alternatives.flatMap((slot, index) => timeProblems(slot.startsAt, slot.endsAt).map((p) => ({ ...p, path: `alternatives[${index}].${p.path}` })));
    if (problems.length) throw SchedulingErrors.invalid(problems);
    const token = newToken();
    const expiresAt = new Date(Date.now() + (dto.expiresInHours ?? DEFAULT_LINK_HOURS) * 3_600_000);
    await this.links.insert({
      appointmentId,
      tokenHash: hashToken(token),
      expiresAt,
      alternatives: alternatives.map((slot) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
      createdBy: currentActorId() ?? null,
    });
    return { token, expiresAt, appointmentId };
  }

  async view(token: string): Promise<CustomerAppointmentViewDto> {
    const { link, appointment } = await this.open(token, { allowClosed: true });
    return viewOf(link, appointment);
  }

  respond(token: string, dto: CustomerResponseDto): Promise<CustomerAppointmentViewDto> {
    if (dto.action === 'confirm') return this.confirm(token);
    if (dto.action === 'cancel') return this.cancel(token, dto.reason);
    if (dto.alternative === undefined) throw SchedulingErrors.alternativeUnknown();
    return this.pickAlternative(token, dto.alternative);
  }

  async confirm(token: string): Promise<CustomerAppointmentViewDto> {
    const { link, appointment } = await this.open(token);
    const moved = appointment.status === 'confirmed' ? appointment : await this.appointments.moveStatus(appointment.id, undefined, 'confirmed', null, 'all', 'customer');
    return viewOf(link, moved);
  }

  async cancel(token: string, reason: string | null | undefined): Promise<CustomerAppointmentViewDto> {
    const { link, appointment } = await this.open(token);
    const moved = await this.appointments.moveStatus(appointment.id, undefined, 'cancelled', reason?.trim() || 'cancelled by the customer', 'all', 'customer');
    await this.links.markUsed(link.id);
    return viewOf(link, moved);
  }

  async pickAlternative(token: string, index: number): Promise<CustomerAppointmentViewDto> {
    const { link, appointment } = await this.open(token);
    const slot = link.alternatives[index];
    if (!slot) throw SchedulingErrors.alternativeUnknown();
    const moved = await this.appointments.reschedule(appointment, { startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }, 'all', 'customer');
    return viewOf(link, moved);
  }

  private async open(token: string, options: { allowClosed?: boolean } = {}): Promise<{ link: AppointmentCustomerLink; appointment: Appointment }> {
    await this.rateLimit.admit();
    const link = isTokenShape(token) ? await this.links.byTokenHash(hashToken(token)) : undefined;
    if (!link) throw SchedulingErrors.linkNotFound();
    const appointment = await this.appointments.repository.findById(link.appointmentId, 'all');
    if (!appointment) throw SchedulingErrors.linkNotFound();
    if (link.expiresAt.getTime() <= Date.now()) throw SchedulingErrors.linkExpired();
    if (!options.allowClosed && (link.usedAt || !isOpenStatus(appointment.status))) throw SchedulingErrors.linkExpired();
    return { link, appointment };
  }
}

function viewOf(link: AppointmentCustomerLink, appointment: Appointment): CustomerAppointmentViewDto {
  return {
    title: appointment.title,
    status: appointment.status,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    location: locationOf(appointment),
    remoteUrl: appointment.remoteUrl,
    alternatives: link.alternatives.map((slot) => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) })),
    expiresAt: link.expiresAt,
  };
}
