import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment, OUT_OF_SCOPE } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { AppError } from '@libs/http';
import { auditedPick, ResourceDefinition, ResourceService } from '@libs/resource';
import { SchedulingErrors } from '../scheduling.errors';
import { SCHEDULING_EVENTS } from '../scheduling.events';
import type { AbsenceResponseDto, CreateAbsenceDto, CreateWorkingHoursDto, WorkingHoursResponseDto } from './availability.dto';
import { AbsencesRepository, AvailabilityFilters, WorkingHoursRepository } from './availability.repository';
import type { Absence, absences, WorkingHours, workingHours } from './availability.schema';

const WORKING_HOURS_FIELDS = ['userId', 'weekday', 'startMinute', 'endMinute', 'validFrom', 'validTo', 'federalState', 'departmentId'] as const;
const ABSENCE_FIELDS = ['userId', 'kind', 'startsAt', 'endsAt', 'note', 'departmentId'] as const;
const MAX_ABSENCE_DAYS = 366;

const manage = { read: 'scheduling.availability:read', create: 'scheduling.availability:manage', update: 'scheduling.availability:manage', delete: 'scheduling.availability:manage' };

const WORKING_HOURS: ResourceDefinition<WorkingHours> = {
  name: 'working hours',
  code: 'SCHEDULING_WORKING_HOURS',
  permissions: manage,
  events: SCHEDULING_EVENTS.workingHours,
  auditedFields: [...WORKING_HOURS_FIELDS],
};

const ABSENCE: ResourceDefinition<Absence> = {
  name: 'absence',
  code: 'SCHEDULING_ABSENCE',
  permissions: manage,
  events: SCHEDULING_EVENTS.absence,
  auditedFields: [...ABSENCE_FIELDS],
};

export const toWorkingHoursResponse = (row: WorkingHours): WorkingHoursResponseDto => auditedPick(row, WORKING_HOURS_FIELDS);
export const toAbsenceResponse = (row: Absence): AbsenceResponseDto => auditedPick(row, ABSENCE_FIELDS);

/** A consultant's weekly working hours (rows per weekday with validity dates). */
@Injectable()
export class WorkingHoursService extends ResourceService<typeof workingHours, AvailabilityFilters, WorkingHoursResponseDto> {
  constructor(@InjectTransactionHost() txHost: DbTransactionHost, readonly repository: WorkingHoursRepository, outbox: EventOutbox) {
    super({ txHost, outbox, repository }, WORKING_HOURS, toWorkingHoursResponse);
  }

  async create(dto: CreateWorkingHoursDto): Promise<WorkingHoursResponseDto> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertUserInScope(dto.userId, departmentId);
    const errors = [];
    if (dto.startMinute >= dto.endMinute) errors.push({ path: 'endMinute', message: 'endMinute must be after startMinute' });
    if (dto.startMinute % 15 !== 0 || dto.endMinute % 15 !== 0) errors.push({ path: 'startMinute', message: 'working hours are set in quarter hours' });
    if (dto.validTo && dto.validTo < dto.validFrom) errors.push({ path: 'validTo', message: 'validTo must not be before validFrom' });
    if (errors.length) throw SchedulingErrors.invalid(errors);
    const row = await this.steps.create({ ...dto, validTo: dto.validTo ?? null, departmentId });
    return toWorkingHoursResponse(row);
  }
}

/** A consultant's absences (holiday, sick, training). */
@Injectable()
export class AbsencesService extends ResourceService<typeof absences, AvailabilityFilters, AbsenceResponseDto> {
  constructor(@InjectTransactionHost() txHost: DbTransactionHost, readonly repository: AbsencesRepository, outbox: EventOutbox) {
    super({ txHost, outbox, repository }, ABSENCE, toAbsenceResponse);
  }

  async create(dto: CreateAbsenceDto): Promise<AbsenceResponseDto> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertUserInScope(dto.userId, departmentId);
    const days = (dto.endsAt.getTime() - dto.startsAt.getTime()) / 86_400_000;
    if (!(days > 0) || days > MAX_ABSENCE_DAYS) throw SchedulingErrors.invalid([{ path: 'endsAt', message: `an absence ends after it starts, within ${MAX_ABSENCE_DAYS} days` }]);
    const row = await this.steps.create({ ...dto, note: dto.note ?? null, departmentId });
    return toAbsenceResponse(row);
  }
}

/** With scope `own` a consultant manages only their own availability (then the department as ever). */
function assertUserInScope(userId: string, departmentId: string | null): void {
  const scope = currentScope('scheduling.availability:manage');
  if (scope === 'own' && userId !== currentActorId()) throw AppError.forbidden(OUT_OF_SCOPE, 'Your permission\'s scope covers only your own availability (userId).');
  assertDepartmentInScope(scope, departmentId);
}
