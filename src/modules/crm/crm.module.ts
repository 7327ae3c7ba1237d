import { Module } from '@nestjs/common';
import { CsvModule } from '@libs/csv';
import { IdempotencyModule } from '@libs/idempotency';
import { AuditModule } from '../audit';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesRepository } from './activities/activities.repository';
import { ActivitiesService } from './activities/activities.service';
import { CompaniesController } from './companies/companies.controller';
import { CompaniesRepository } from './companies/companies.repository';
import { CompaniesService } from './companies/companies.service';
import { ContactMergeService } from './contacts/contact-merge.service';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsRepository } from './contacts/contacts.repository';
import { ContactsService } from './contacts/contacts.service';
import { CrmCommands } from './crm.commands';
import { CrmQueries } from './crm.queries';
import { LeadConversionService } from './leads/lead-conversion.service';
import { LeadsController } from './leads/leads.controller';
import { LeadsRepository } from './leads/leads.repository';
import { LeadsImportService } from './leads/leads-import.service';
import { LeadsService } from './leads/leads.service';
import { DuplicateCheck } from './shared/duplicate-check.service';
import { DuplicatesRepository } from './shared/duplicates.repository';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineService } from './timeline/timeline.service';

/**
 * The CRM context: leads, contacts, companies, activities. Needs DbModule and EventsModule (global);
 * reads recorded changes for timelines through the audit context's public AuditLogReader. Other
 * contexts read CRM records through CrmQueries (exported).
 */
@Module({
  imports: [IdempotencyModule, CsvModule, AuditModule],
  controllers: [LeadsController, ContactsController, CompaniesController, ActivitiesController, TimelineController],
  providers: [
    LeadsRepository,
    ContactsRepository,
    CompaniesRepository,
    ActivitiesRepository,
    DuplicatesRepository,
    DuplicateCheck,
    LeadsService,
    LeadConversionService,
    LeadsImportService,
    ContactsService,
    ContactMergeService,
    CompaniesService,
    ActivitiesService,
    TimelineService,
    CrmQueries,
    CrmCommands,
  ],
  exports: [CrmQueries, CrmCommands],
})
export class CrmModule {}
