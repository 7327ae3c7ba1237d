import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { CompaniesRepository } from '../companies/companies.repository';
import type { Company } from '../companies/companies.schema';
import { CompaniesService } from '../companies/companies.service';
import { toCompanyResponse } from '../companies/company.mapper';
import { toContactResponse } from '../contacts/contact.mapper';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { Contact } from '../contacts/contacts.schema';
import { ContactsService } from '../contacts/contacts.service';
import { CrmErrors } from '../crm.errors';
import { CRM_AGGREGATES, CRM_EVENTS, crmEvent } from '../crm.events';
import { ConvertLeadDto, ConvertLeadResponseDto } from './lead-conversion.dto';
import { LEAD_AUDITED_FIELDS, toLeadResponse } from './lead.mapper';
import { isConvertible } from './lead.rules';
import { LeadsRepository } from './leads.repository';
import type { Lead } from './leads.schema';

/**
 * `POST /leads/{id}/convert`: in one transaction, creates or links the company and the contact,
 * marks the lead converted with links to both and emits `crm.lead.converted` (the Projects context
 * starts from it). The lead row is locked first, so two conversions of one lead cannot both succeed.
 */
@Injectable()
export class LeadConversionService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly leads: LeadsRepository,
    private readonly contacts: ContactsRepository,
    private readonly companies: CompaniesRepository,
    private readonly contactsService: ContactsService,
    private readonly companiesService: CompaniesService,
    private readonly outbox: EventOutbox,
  ) {}

  async convert(id: string, version: number | undefined, dto: ConvertLeadDto): Promise<ConvertLeadResponseDto> {
    const scope = currentScope('crm.leads:convert');
    return this.txHost.withTransaction(async () => {
      const lead = await this.leads.findForUpdate(id, scope);
      if (!lead) throw CrmErrors.notFound('lead', id);
      if (version !== undefined && lead.version !== version) throw staleResource();
      if (!isConvertible(lead.status)) throw CrmErrors.leadNotConvertible(id, lead.status);

      const company = await this.companyFor(lead, dto);
      const contact = await this.contactFor(lead, dto, company);
      const now = new Date();
      const converted = await this.leads.update(
        id,
        lead.version,
        { status: 'converted', statusChangedAt: now, convertedAt: now, convertedContactId: contact.record.id, convertedCompanyId: company?.record.id ?? null },
        scope,
      );
      if (!converted) throw staleResource();

      await this.outbox.append(
        crmEvent(CRM_EVENTS.leadConverted, CRM_AGGREGATES.lead, id, {
          contactId: contact.record.id,
          companyId: company?.record.id ?? null,
          contactCreated: contact.created,
          companyCreated: company?.created ?? false,
          property: {
            street: lead.propertyStreet,
            postalCode: lead.propertyPostalCode,
            city: lead.propertyCity,
            countryCode: lead.propertyCountryCode,
            buildingType: lead.buildingType,
            yearBuilt: lead.yearBuilt,
            livingAreaM2: lead.livingAreaM2,
            residentialUnits: lead.residentialUnits,
            ownerOccupied: lead.ownerOccupied,
          },
          interests: lead.interests,
          estimatedValueCents: lead.estimatedValueCents,
          assigneeId: lead.assigneeId,
          departmentId: lead.departmentId,
          changes: fieldChanges(lead, converted, LEAD_AUDITED_FIELDS),
        }),
      );
      return {
        ...toLeadResponse(converted),
        contact: toContactResponse(contact.record),
        company: company ? toCompanyResponse(company.record) : null,
      };
    });
  }

  private async companyFor(lead: Lead, dto: ConvertLeadDto): Promise<{ record: Company; created: boolean } | null> {
    if (dto.companyId) {
      const existing = await this.companies.findById(dto.companyId, currentScope('crm.companies:read'));
      if (!existing) throw CrmErrors.referenceNotFound('companyId', 'company');
      return { record: existing, created: false };
    }
    if (!(dto.createCompany ?? lead.companyName !== null)) return null;
    if (!lead.companyName) throw CrmErrors.leadIncomplete([{ path: 'companyName', message: 'the lead has no companyName to create a company from' }]);
    const record = await this.companiesService.insert(
      { name: lead.companyName, departmentId: lead.departmentId, ownerId: lead.assigneeId ?? currentActorId() },
      currentScope('crm.companies:create'),
      { fromLeadId: lead.id },
    );
    return { record, created: true };
  }

  private async contactFor(lead: Lead, dto: ConvertLeadDto, company: { record: Company } | null): Promise<{ record: Contact; created: boolean }> {
    if (dto.contactId) {
      const existing = await this.contacts.findById(dto.contactId, currentScope('crm.contacts:read'));
      if (!existing) throw CrmErrors.referenceNotFound('contactId', 'contact');
      return { record: existing, created: false };
    }
    if (!lead.lastName) throw CrmErrors.leadIncomplete([{ path: 'lastName', message: 'the lead has no lastName to create a contact from' }]);
    const livesThere = lead.ownerOccupied === true;
    const record = await this.contactsService.insert(
      {
        salutation: lead.salutation,
        firstName: lead.firstName,
        lastName: lead.lastName,
        email: lead.email,
        phone: lead.phone,
        preferredLanguage: lead.preferredLanguage,
        companyId: company?.record.id ?? null,
        address: livesThere
          ? { street: lead.propertyStreet, postalCode: lead.propertyPostalCode, city: lead.propertyCity, countryCode: lead.propertyCountryCode }
          : null,
        departmentId: lead.departmentId,
        ownerId: lead.assigneeId ?? currentActorId(),
        allowDuplicates: dto.allowDuplicates,
      },
      currentScope('crm.contacts:create'),
      { fromLeadId: lead.id },
    );
    return { record, created: true };
  }
}
