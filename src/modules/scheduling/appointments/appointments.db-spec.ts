import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { checkTime } from '@libs/scheduled-checks';
import { drainOutbox } from '@libs/testing/outbox';
import { AppointmentRemindersCheck } from '../reminders/appointment-reminders.check';
import { schedulingPermissions } from '../scheduling.permissions';
import { AppointmentsService } from './appointments.service';
import { WorkingHoursService } from '../availability/availability.service';

describe('appointments (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({
    permissions: schedulingPermissions.keys,
    users: { erik: { department: 'energy_consulting', roles: ['energy_consultant'] }, bea: { department: 'sales', roles: ['back_office'] } },
  });
  const appointments = lazyProvider(ctx, AppointmentsService);
  const workingHours = lazyProvider(ctx, WorkingHoursService);
  const asBea = <T>(fn: () => Promise<T>) => ctx.as(ctx.users.bea, 'all', fn);

  const book = (startsAt: string, endsAt: string, over: Record<string, unknown> = {}) =>
    asBea(() =>
      appointments.create({
        kind: 'on_site_visit',
        title: 'Vor-Ort-Termin',
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        consultantIds: [ctx.users.erik.id],
        overrideWorkingHours: true,
        ...over,
      }),
    );

  it('with scope own a consultant sets only their own working hours', async () => {
    const hours = (userId: string) => ({ userId, weekday: 2, startMinute: 480, endMinute: 1020, validFrom: '2031-01-01', federalState: 'HE' });
    const asErikOwn = <T>(fn: () => Promise<T>) => ctx.as(ctx.users.erik, { 'scheduling.availability:manage': 'own' }, fn);
    await expectAppError(asErikOwn(() => workingHours.create(hours(ctx.users.bea.id) as never)), 403, 'OUT_OF_SCOPE');
    expect(await asErikOwn(() => workingHours.create(hours(ctx.users.erik.id) as never))).toMatchObject({ userId: ctx.users.erik.id });
  });

  it('the exclusion constraint refuses overlapping active ranges of one user, whatever the service does', async () => {
    const [a, b, c] = [
      await book('2031-01-06T08:00:00Z', '2031-01-06T09:00:00Z'),
      await book('2031-01-07T08:00:00Z', '2031-01-07T09:00:00Z'),
      await book('2031-01-08T08:00:00Z', '2031-01-08T09:00:00Z'),
    ];
    const insert = (appointmentId: string, busy: string, active: boolean) =>
      ctx.admin
        .query(`insert into appointment_participants (appointment_id, user_id, busy, active) values ($1, $2, $3, $4)`, [appointmentId, ctx.users.bea.id, busy, active])
        .then(() => 'inserted', (error: { code?: string }) => error.code);
    expect(await insert(a.id, '[2031-01-06 07:00Z,2031-01-06 08:00Z)', true)).toBe('inserted');
    expect(await insert(b.id, '[2031-01-06 07:30Z,2031-01-06 08:30Z)', true)).toBe('23P01');
    // Touching ranges are fine (half-open), and an inactive row (cancelled, deleted) blocks nothing.
    expect(await insert(b.id, '[2031-01-06 08:00Z,2031-01-06 09:00Z)', true)).toBe('inserted');
    expect(await insert(c.id, '[2031-01-06 07:30Z,2031-01-06 08:30Z)', false)).toBe('inserted');
  });

  it('buffers are half-open: back-to-back bookings fit, a minute more is a conflict', async () => {
    await book('2031-02-03T08:00:00Z', '2031-02-03T09:00:00Z'); // busy 07:30–09:30
    await expectAppError(book('2031-02-03T09:59:00Z', '2031-02-03T11:00:00Z'), 409, 'SCHEDULING_DOUBLE_BOOKING');
    const next = await book('2031-02-03T10:00:00Z', '2031-02-03T11:00:00Z'); // busy 09:30–11:30
    expect(next.bufferBeforeMinutes).toBe(30);
  });

  it('cancelling and deleting free the time; restoring takes it back unless it was taken meanwhile', async () => {
    const cancelled = await book('2031-03-03T08:00:00Z', '2031-03-03T09:00:00Z');
    await asBea(() => appointments.changeStatus(cancelled.id, undefined, 'cancelled', 'Kunde krank'));
    const deleted = await book('2031-03-03T08:00:00Z', '2031-03-03T09:00:00Z');
    await asBea(() => appointments.remove(deleted.id, deleted.version));
    const taker = await book('2031-03-03T08:00:00Z', '2031-03-03T09:00:00Z');
    await expectAppError(asBea(() => appointments.restore(deleted.id, undefined)), 409, 'SCHEDULING_DOUBLE_BOOKING');
    await asBea(() => appointments.remove(taker.id, taker.version));
    expect((await asBea(() => appointments.restore(deleted.id, undefined))).deletedAt).toBeNull();
  });

  it('emits each reminder once per lead time, even when the check runs twice', async () => {
    const now = new Date('2031-04-01T06:00:00Z');
    const visit = await book('2031-04-01T07:30:00Z', '2031-04-01T08:30:00Z'); // leads 1440 and 120 are both due at 06:00
    const later = await book('2031-04-03T08:00:00Z', '2031-04-03T09:00:00Z'); // not yet due
    const check = ctx.get(AppointmentRemindersCheck);
    const first = await ctx.as(ctx.users.bea, 'all', () => check.run(checkTime(now)));
    const second = await ctx.as(ctx.users.bea, 'all', () => check.run(checkTime(now)));
    expect(first).toBe(2);
    expect(second).toBe(0);
    const { rows } = await ctx.admin.query(`select aggregate_id, payload->>'leadMinutes' as lead from domain_events where type = 'scheduling.appointment.reminder_due' order by 2`);
    expect(rows).toEqual([
      { aggregate_id: visit.id, lead: '120' },
      { aggregate_id: visit.id, lead: '1440' },
    ]);
    expect(rows.some((row) => row.aggregate_id === later.id)).toBe(false);
  });

  it('audits every change and emits the scheduling events in the transaction of the change', async () => {
    const booked = await book('2031-05-05T08:00:00Z', '2031-05-05T09:00:00Z');
    const moved = await asBea(() => appointments.update(booked.id, booked.version, { startsAt: new Date('2031-05-05T10:00:00Z'), endsAt: new Date('2031-05-05T11:00:00Z'), overrideWorkingHours: true }));
    expect(moved.sequence).toBe(1);
    await asBea(() => appointments.changeStatus(booked.id, undefined, 'confirmed', null));
    await asBea(() => appointments.changeStatus(booked.id, undefined, 'no_show', 'niemand da'));
    await drainOutbox(ctx.app);
    const { rows: events } = await ctx.admin.query(`select type from domain_events where aggregate_id = $1 order by occurred_at, id`, [booked.id]);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['scheduling.appointment.created', 'scheduling.appointment.booked', 'scheduling.appointment.rescheduled', 'scheduling.appointment.confirmed', 'scheduling.appointment.cancelled']),
    );
    const { rows: audit } = await ctx.admin.query(`select action, actor_id, changes from audit_logs where entity_id = $1 order by seq`, [booked.id]);
    expect(audit[0]).toMatchObject({ action: 'scheduling.appointment.created', actor_id: ctx.users.bea.id });
    expect(audit.some((row) => row.changes?.status?.after === 'no_show')).toBe(true);
    // A no-show keeps the time blocked (it happened); only cancelled and deleted appointments free it.
    const { rows: participants } = await ctx.admin.query(`select active from appointment_participants where appointment_id = $1`, [booked.id]);
    expect(participants).toEqual([{ active: true }]);
  });
});
