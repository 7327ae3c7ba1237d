import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { AppointmentsRepository } from '../appointments/appointments.repository';
import { AppointmentsService } from '../appointments/appointments.service';
import { SchedulingErrors } from '../scheduling.errors';
import { hashToken, isTokenShape, newToken } from '../self-service/public-tokens';
import { PublicRateLimit } from '../self-service/public-rate-limit';
import type { CalendarFeedResponseDto } from './calendar.dto';
import { FeedTokensRepository } from './feed-tokens.repository';
import { appointmentIcs, appointmentsCalendar } from './ics';

const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 365;

export interface IcsFile {
  name: string;
  etag: string;
  body: string;
}

/** Appointments as iCalendar: one file per appointment and a private feed per user. */
@Injectable()
export class AppointmentIcs {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly appointments: AppointmentsService,
    private readonly repository: AppointmentsRepository,
    private readonly feeds: FeedTokensRepository,
    private readonly rateLimit: PublicRateLimit,
  ) {}

  /** The appointment within the read scope (404 otherwise). */
  async forAppointment(id: string): Promise<IcsFile> {
    const row = await this.appointments.steps.get(id);
    return { name: `appointment-${row.id}.ics`, etag: `${row.id}:${row.version}`, body: appointmentIcs(row) };
  }

  /** A new private feed token for the current user (the previous one stops working). */
  async newFeed(): Promise<CalendarFeedResponseDto> {
    const token = newToken();
    await this.txHost.withTransaction(() => this.feeds.replace(currentActorId() as string, hashToken(token)));
    return { feedToken: token, path: `/api/v1/public/calendar-feeds/${token}` };
  }

  /** The feed of a token: the user's appointments of the last 30 and next 365 days (404 for an unknown token). */
  async feed(token: string): Promise<IcsFile> {
    await this.rateLimit.admit();
    const userId = isTokenShape(token) ? await this.feeds.userOf(hashToken(token)) : undefined;
    if (!userId) throw SchedulingErrors.feedNotFound();
    const now = Date.now();
    const rows = await this.repository.ofUserBetween(userId, new Date(now - FEED_PAST_DAYS * 86_400_000), new Date(now + FEED_FUTURE_DAYS * 86_400_000));
    const body = appointmentsCalendar(rows, { name: 'Renewa', method: 'PUBLISH' });
    return { name: 'renewa.ics', etag: hashToken(body).slice(0, 32), body };
  }
}
