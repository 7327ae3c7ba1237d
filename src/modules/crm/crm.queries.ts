import { Injectable } from '@nestjs/common';
import type { CompanyResponseDto } from './companies/company.dto';
import { CompaniesService } from './companies/companies.service';
import type { ContactResponseDto } from './contacts/contact.dto';
import { ContactsService } from './contacts/contacts.service';
import type { LeadResponseDto } from './leads/lead.dto';
import { LeadsService } from './leads/leads.service';

/**
 * How other contexts read CRM records (exported from crm/index.ts; never the tables): a live
 * record by id, as its API representation, within the current actor's read scope — undefined when
 * it does not exist or the actor may not see it, exactly as the CRM's own routes would decide.
 * Background work running as the system actor (subscribers, scheduled jobs) sees every record.
 */
@Injectable()
export class CrmQueries {
  constructor(
    private readonly contacts: ContactsService,
    private readonly companies: CompaniesService,
    private readonly leads: LeadsService,
  ) {}

  contact(id: string): Promise<ContactResponseDto | undefined> {
    return this.contacts.lookup(id);
  }

  company(id: string): Promise<CompanyResponseDto | undefined> {
    return this.companies.lookup(id);
  }

  lead(id: string): Promise<LeadResponseDto | undefined> {
    return this.leads.lookup(id);
  }
}
