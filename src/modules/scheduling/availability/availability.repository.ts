import { Injectable } from '@nestjs/common';
import { and, gt, inArray, isNull, lt } from 'drizzle-orm';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { Absence, absences, WorkingHours, workingHours } from './availability.schema';

export interface AvailabilityFilters extends CommonListFilters {
  userId?: string;
}

const WORKING_HOURS: ResourceTableSpec<typeof workingHours> = {
  table: workingHours,
  scope: { ownerColumns: [workingHours.userId, workingHours.createdBy], departmentColumn: workingHours.departmentId },
  constraints: referenceConstraints('consultant_working_hours', { userId: 'users', departmentId: 'departments' }),
  sort: { fields: { createdAt: { expression: workingHours.createdAt, type: 'timestamp' } }, tieBreaker: workingHours.id, defaultSort: '-createdAt' },
  filters: { userId: workingHours.userId },
};

const ABSENCES: ResourceTableSpec<typeof absences> = {
  table: absences,
  scope: { ownerColumns: [absences.userId, absences.createdBy], departmentColumn: absences.departmentId },
  constraints: referenceConstraints('consultant_absences', { userId: 'users', departmentId: 'departments' }),
  sort: { fields: { createdAt: { expression: absences.createdAt, type: 'timestamp' } }, tieBreaker: absences.id, defaultSort: '-createdAt' },
  filters: { userId: absences.userId },
};

@Injectable()
export class WorkingHoursRepository extends ResourceRepository<typeof workingHours, AvailabilityFilters> {
  protected readonly spec = WORKING_HOURS;

  /** Live rows of these consultants (availability is computed without scope: who may search slots sees busy/free, not details). */
  ofUsers(userIds: string[]): Promise<WorkingHours[]> {
    return this.db
      .select()
      .from(workingHours)
      .where(and(inArray(workingHours.userId, userIds), isNull(workingHours.deletedAt)))
      .limit(1000);
  }
}

@Injectable()
export class AbsencesRepository extends ResourceRepository<typeof absences, AvailabilityFilters> {
  protected readonly spec = ABSENCES;

  ofUsersBetween(userIds: string[], from: Date, to: Date): Promise<Absence[]> {
    return this.db
      .select()
      .from(absences)
      .where(and(inArray(absences.userId, userIds), isNull(absences.deletedAt), lt(absences.startsAt, to), gt(absences.endsAt, from)))
      .limit(5000);
  }
}
