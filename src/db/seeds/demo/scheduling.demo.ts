import { DateTime } from 'luxon';
import { buildSearchText } from '@libs/search';
import { busyRange } from '../../../modules/scheduling/appointments/appointment.rules';
import { appointmentParticipants, appointments, workingHours } from '../../schema';
import { Seed, seedUuid } from '../seed-utils';
import { demoLead } from './crm.demo';
import { DEMO_DEPARTMENTS, demoId, demoUserId, refuseInProduction } from './demo-data';

type Kind = (typeof appointments.kind.enumValues)[number];
type Status = NonNullable<(typeof appointments.$inferInsert)['status']>;

const CONSULTANTS = ['consultant-1', 'consultant-2'] as const;
/** Local start times (minutes after midnight) of the two daily appointments per consultant. */
const SLOTS = [9 * 60, 13 * 60 + 30];
const DURATION_MINUTES = 90;

/**
 * Working hours (Mon–Fri 08:00–17:00, Hessen) for the two demo consultants and their appointments
 * this and next week: each weekday one visit or consultation in the morning and one in the
 * afternoon for the demo projects (leads 0…19), completed when past, confirmed or tentative ahead.
 * Dates follow the seeding day, so the demo calendar is always current.
 */
export const demoSchedulingSeed: Seed = {
  key: 'demo.scheduling.appointments',
  description: 'demo: working hours and appointments this and next week for the two demo consultants',
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'scheduling');
    const { db } = ctx;
    await db.insert(workingHours).values(
      CONSULTANTS.flatMap((consultant) =>
        [1, 2, 3, 4, 5].map((weekday) => ({
          id: demoId(`scheduling:hours:${consultant}:${weekday}`),
          userId: demoUserId(consultant),
          weekday,
          startMinute: 480,
          endMinute: 1020,
          validFrom: '2026-01-01',
          federalState: 'HE' as const,
          departmentId: DEMO_DEPARTMENTS.consulting,
        })),
      ),
    ).onConflictDoNothing();
    const monday = DateTime.now().setZone('Europe/Berlin').startOf('week');
    const now = Date.now();
    let n = 0;
    for (let day = 0; day < 12; day++) {
      const date = monday.plus({ days: day });
      if (date.weekday > 5) continue;
      for (const [c, consultant] of CONSULTANTS.entries()) {
        for (const [s, minute] of SLOTS.entries()) {
          const lead = demoLead(n % 20);
          const startsAt = date.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toJSDate();
          const endsAt = new Date(startsAt.getTime() + DURATION_MINUTES * 60_000);
          const kind: Kind = s === 0 ? 'on_site_visit' : c === 0 ? 'consultation' : 'isfp_handover';
          const status: Status = endsAt.getTime() < now ? 'completed' : n % 3 === 0 ? 'tentative' : 'confirmed';
          const id = demoId(`scheduling:appointment:${date.toISODate()}:${consultant}:${s}`);
          const userId = demoUserId(consultant);
          const title = `${kind === 'on_site_visit' ? 'Vor-Ort-Termin' : kind === 'consultation' ? 'Beratungsgespräch' : 'Übergabe iSFP'} ${lead.person.lastName}`;
          await db.insert(appointments).values({
            id,
            kind,
            kindSettingId: seedUuid('scheduling', `kind:${kind}:2020-01-01`),
            title,
            status,
            startsAt,
            endsAt,
            bufferBeforeMinutes: 30,
            bufferAfterMinutes: 30,
            consultantIds: [userId],
            contactId: lead.contactId,
            projectId: demoId(`projects:${lead.n}:project`),
            locationStreet: lead.person.street,
            locationPostalCode: lead.person.postalCode,
            locationCity: lead.person.city,
            language: 'de',
            ownerId: userId,
            departmentId: DEMO_DEPARTMENTS.consulting,
            createdBy: userId,
            updatedBy: userId,
            searchText: buildSearchText([title, lead.person.city, lead.person.postalCode]),
          }).onConflictDoNothing();
          await db.insert(appointmentParticipants).values({ id: demoId(`scheduling:participant:${id}`), appointmentId: id, userId, busy: busyRange(startsAt, endsAt, 30, 30), active: true }).onConflictDoNothing();
          n++;
        }
      }
    }
  },
};
