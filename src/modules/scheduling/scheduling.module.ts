import { Module } from '@nestjs/common';
import { CsvModule } from '@libs/csv';
import { IdempotencyModule } from '@libs/idempotency';
import { CrmModule } from '../crm';
import { ProjectsModule } from '../projects';
import { AppointmentBooking } from './appointments/appointment-booking';
import { AppointmentsController } from './appointments/appointments.controller';
import { AppointmentsRepository } from './appointments/appointments.repository';
import { AppointmentsService } from './appointments/appointments.service';
import { KindSettingsRepository } from './appointments/kind-settings.repository';
import { ParticipantsRepository } from './appointments/participants.repository';
import { AbsencesController, WorkingHoursController } from './availability/availability.controller';
import { AbsencesRepository, WorkingHoursRepository } from './availability/availability.repository';
import { AbsencesService, WorkingHoursService } from './availability/availability.service';
import { AppointmentIcs } from './calendar/appointment-ics.service';
import { CalendarFeedController, PublicCalendarFeedsController } from './calendar/calendar-feeds.controller';
import { FeedTokensRepository } from './calendar/feed-tokens.repository';
import { AppointmentRemindersCheck } from './reminders/appointment-reminders.check';
import { RemindersRepository } from './reminders/reminders.repository';
import { SchedulingQueries } from './scheduling.queries';
import { CustomerLinksController, PublicAppointmentLinksController } from './self-service/customer-links.controller';
import { CustomerLinksRepository } from './self-service/customer-links.repository';
import { CustomerSelfService } from './self-service/customer-self-service.service';
import { PublicRateLimit } from './self-service/public-rate-limit';
import { PublicRequestsRepository } from './self-service/public-requests.repository';
import { AvailabilityCalendars } from './slots/availability-calendars.service';
import { PostcodeRegionsRepository } from './slots/postcode-regions.repository';
import { SlotsService } from './slots/slots.service';

/**
 * The Scheduling context: appointments of one or more consultants without double booking (an
 * exclusion constraint), working hours, absences and public holidays, free-slot search, customer
 * self-service links, ICS files and feeds, reminders. Reads CRM and Projects records through their
 * facades; projects reacts to `scheduling.appointment.completed`.
 */
@Module({
  imports: [IdempotencyModule, CsvModule, CrmModule, ProjectsModule],
  controllers: [
    AppointmentsController,
    CustomerLinksController,
    PublicAppointmentLinksController,
    WorkingHoursController,
    AbsencesController,
    CalendarFeedController,
    PublicCalendarFeedsController,
  ],
  providers: [
    AppointmentsRepository,
    ParticipantsRepository,
    KindSettingsRepository,
    WorkingHoursRepository,
    AbsencesRepository,
    PostcodeRegionsRepository,
    CustomerLinksRepository,
    PublicRequestsRepository,
    FeedTokensRepository,
    RemindersRepository,
    AppointmentBooking,
    AppointmentsService,
    WorkingHoursService,
    AbsencesService,
    AvailabilityCalendars,
    SlotsService,
    CustomerSelfService,
    PublicRateLimit,
    AppointmentIcs,
    AppointmentRemindersCheck,
    SchedulingQueries,
  ],
  exports: [SchedulingQueries],
})
export class SchedulingModule {}
