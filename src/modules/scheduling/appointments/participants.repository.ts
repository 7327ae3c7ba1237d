import { Injectable } from '@nestjs/common';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { appointmentParticipants } from './appointments.schema';

/** The participant rows the exclusion constraint guards (no scope: written with their appointment). */
@Injectable()
export class ParticipantsRepository extends Repository {
  /** Replaces the appointment's participants with `userIds`, each blocked for `busy` while `active`. */
  async replace(appointmentId: string, userIds: string[], busy: string, active: boolean): Promise<void> {
    await this.db.delete(appointmentParticipants).where(eq(appointmentParticipants.appointmentId, appointmentId));
    if (userIds.length === 0) return;
    await this.db.insert(appointmentParticipants).values(userIds.map((userId) => ({ appointmentId, userId, busy, active })));
  }

  async setActive(appointmentId: string, active: boolean): Promise<void> {
    await this.db.update(appointmentParticipants).set({ active }).where(eq(appointmentParticipants.appointmentId, appointmentId));
  }

  /** An appointment (other than `exceptId`) whose active participant rows of these users overlap `busy`. */
  async conflicting(userIds: string[], busy: string, exceptId?: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ appointmentId: appointmentParticipants.appointmentId })
      .from(appointmentParticipants)
      .where(
        and(
          inArray(appointmentParticipants.userId, userIds),
          eq(appointmentParticipants.active, true),
          sql`${appointmentParticipants.busy} && ${busy}::tstzrange`,
          exceptId ? ne(appointmentParticipants.appointmentId, exceptId) : undefined,
        ),
      )
      .limit(1);
    return row?.appointmentId;
  }
}
