import { Injectable } from '@nestjs/common';
import { and, eq, gt, inArray, lt, or, sql, SQL } from 'drizzle-orm';
import { Scope, ScopeActor } from '@libs/auth';
import { currentContext } from '@libs/context';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { Appointment, AppointmentKind, appointments, AppointmentStatus } from './appointments.schema';

export interface AppointmentFilters extends CommonListFilters {
  consultantId?: string;
  from?: Date;
  to?: Date;
  status?: AppointmentStatus[];
  kind?: AppointmentKind[];
  contactId?: string;
  projectId?: string;
  leadId?: string;
}

const APPOINTMENTS: ResourceTableSpec<typeof appointments> = {
  table: appointments,
  scope: { ownerColumns: [appointments.ownerId, appointments.createdBy], departmentColumn: appointments.departmentId },
  constraints: referenceConstraints('appointments', {
    ownerId: 'users',
    departmentId: 'departments',
    contactId: 'contacts',
    projectId: 'projects',
    leadId: 'leads',
    kindSettingId: 'appointment_kind_settings',
  }),
  sort: {
    fields: { startsAt: { expression: appointments.startsAt, type: 'timestamp' }, createdAt: { expression: appointments.createdAt, type: 'timestamp' } },
    tieBreaker: appointments.id,
    defaultSort: 'startsAt',
  },
  search: { text: appointments.searchText },
  filters: { status: appointments.status, kind: appointments.kind, contactId: appointments.contactId, projectId: appointments.projectId, leadId: appointments.leadId },
};

/** `own` also covers appointments the actor takes part in (consultant_ids holds every participant). */
function takesPart(userId: string): SQL {
  return sql`${appointments.consultantIds} @> array[${userId}]::uuid[]`;
}

@Injectable()
export class AppointmentsRepository extends ResourceRepository<typeof appointments, AppointmentFilters> {
  protected readonly spec = APPOINTMENTS;

  override scopeCondition(scope: Scope | undefined, actor: ScopeActor = currentContext()): SQL | undefined {
    if (scope === 'all') return undefined;
    if (!scope || !actor.actorId) return sql`false`;
    const own = or(eq(appointments.ownerId, actor.actorId), eq(appointments.createdBy, actor.actorId), takesPart(actor.actorId)) as SQL;
    if (scope === 'own' || !actor.actorDepartmentId) return own;
    return or(eq(appointments.departmentId, actor.actorDepartmentId), own);
  }

  protected override filterConditions(filters: AppointmentFilters): (SQL | undefined)[] {
    return [
      filters.consultantId ? takesPart(filters.consultantId) : undefined,
      filters.from ? gt(appointments.endsAt, filters.from) : undefined,
      filters.to ? lt(appointments.startsAt, filters.to) : undefined,
    ];
  }

  /** Live, not cancelled appointments of these consultants overlapping [from, to), in no scope (availability). */
  async blockingOf(consultantIds: string[], from: Date, to: Date): Promise<Appointment[]> {
    if (consultantIds.length === 0) return [];
    return this.db
      .select()
      .from(appointments)
      .where(
        and(
          sql`${appointments.consultantIds} && array[${sql.join(consultantIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`,
          sql`${appointments.deletedAt} is null`,
          sql`${appointments.status} <> 'cancelled'`,
          lt(sql`${appointments.startsAt} - make_interval(mins => ${appointments.bufferBeforeMinutes})`, to),
          gt(sql`${appointments.endsAt} + make_interval(mins => ${appointments.bufferAfterMinutes})`, from),
        ),
      )
      .limit(5000);
  }

  /** The actor's appointments (taking part or owning) in [from, to), in no further scope: the private calendar feed. */
  async ofUserBetween(userId: string, from: Date, to: Date): Promise<Appointment[]> {
    return this.db
      .select()
      .from(appointments)
      .where(and(sql`${appointments.deletedAt} is null`, or(takesPart(userId), eq(appointments.ownerId, userId)), lt(appointments.startsAt, to), gt(appointments.endsAt, from)))
      .orderBy(appointments.startsAt)
      .limit(2000);
  }

  /** Open appointments starting within (now, now + horizon]: candidates for reminders. */
  async startingBetween(from: Date, to: Date): Promise<Appointment[]> {
    return this.db
      .select()
      .from(appointments)
      .where(and(sql`${appointments.deletedAt} is null`, inArray(appointments.status, ['tentative', 'confirmed']), gt(appointments.startsAt, from), lt(appointments.startsAt, to)))
      .orderBy(appointments.startsAt)
      .limit(5000);
  }
}
