import { Injectable } from '@nestjs/common';
import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { AppointmentKind, AppointmentKindSetting, appointmentKindSettings } from './appointments.schema';

/** Dated defaults per appointment kind (reference data every reader sees). */
@Injectable()
export class KindSettingsRepository extends Repository {
  /** The row of `kind` valid on `date` (YYYY-MM-DD), the newest first. */
  async validOn(kind: AppointmentKind, date: string): Promise<AppointmentKindSetting | undefined> {
    const [row] = await this.db
      .select()
      .from(appointmentKindSettings)
      .where(
        and(
          eq(appointmentKindSettings.kind, kind),
          lte(appointmentKindSettings.validFrom, date),
          or(isNull(appointmentKindSettings.validTo), gte(appointmentKindSettings.validTo, date)),
        ),
      )
      .orderBy(desc(appointmentKindSettings.validFrom))
      .limit(1);
    return row;
  }

  all(): Promise<AppointmentKindSetting[]> {
    return this.db.select().from(appointmentKindSettings).orderBy(appointmentKindSettings.kind, appointmentKindSettings.validFrom);
  }
}
