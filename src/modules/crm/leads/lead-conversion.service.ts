import { Injectable } from '@nestjs/common';
import { currentScope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import { fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { referenceNotFound } from '@libs/resource';
import type { Company } from '../companies/companies.schema';
import { CompaniesService } from '../companies/companies.service';
import { toCompanyResponse } from '../companies/company.mapper';
import { toContactResponse } from '../contacts/contact.mapper';
import type { Contact } from '../contacts/contacts.schema';
import { ContactsService } from '../contacts/contacts.service';
import { CrmErrors } from '../crm.errors';
import { CRM_EVENTS } from '../crm.events';
import { ConvertLeadDto, ConvertLeadResponseDto } from './lead-conversion.dto';
import { LEAD_AUDITED_FIELDS, toLeadResponse } from './lead.mapper';
import { isConvertible } from './lead.rules';
import type { Lead } from './leads.schema';
import { LeadsService } from './leads.service';

/**
 * `POST /leads/{id}/convert`: in one transaction, creates or links the company and the contact
 * (through their services, with their rules and events), marks the lead converted with links to
 * both and emits `crm.lead.converted` (the Projects context starts from it). The lead row is
 * locked first, so two conversions of one lead cannot both succeed.
 */
@Injectable()
export class LeadConversionService {
  constructor(
    private readonly leads: LeadsService,
    private readonly contacts: ContactsService,
    private readonly companies: CompaniesService,
  ) {}

  async convert(id: string, version: number | undefined, dto: ConvertLeadDto): Promise<ConvertLeadResponseDto> {
    const scope = currentScope('crm.leads:convert');
    const steps = this.leads.steps;
    return steps.transaction(async () => {
      const lead = await steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && lead.version !== version) throw staleResource();
      if (!isConvertible(lead.status)) throw CrmErrors.leadNotConvertible(id, lead.status);

      const company = await this.companyFor(lead, dto);
      const contact = await this.contactFor(lead, dto, company);
      const now = new Date();
      const converted = await this.leads.repository.update(
        id,
        lead.version,
        { status: 'converted', statusChangedAt: now, convertedAt: now, convertedContactId: contact.record.id, convertedCompanyId: company?.record.id ?? null },
        scope,
      );
      if (!converted) throw staleResource();
      await steps.publish(
        CRM_EVENTS.lead.converted(id, {
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
      return { ...toLeadResponse(converted), contact: toContactResponse(contact.record), company: company ? toCompanyResponse(company.record) : null };
    });
  }

  private async companyFor(lead: Lead, dto: ConvertLeadDto): Promise<{ record: Company; created: boolean } | null> {
    if (dto.companyId) {
      const existing = await this.companies.readable(dto.companyId);
      if (!existing) throw referenceNotFound('companyId', 'company');
      return { record: existing, created: false };
    }
    if (!(dto.createCompany ?? lead.companyName !== null)) return null;
    if (!lead.companyName) throw CrmErrors.leadIncomplete([{ path: 'companyName', message: 'the lead has no companyName to create a company from' }]);
    const record = await this.companies.insert(
      { name: lead.companyName, departmentId: lead.departmentId, ownerId: lead.assigneeId ?? currentActorId() },
      currentScope('crm.companies:create'),
      { fromLeadId: lead.id },
    );
    return { record, created: true };
  }

  private async contactFor(lead: Lead, dto: ConvertLeadDto, company: { record: Company } | null): Promise<{ record: Contact; created: boolean }> {
    if (dto.contactId) {
      const existing = await this.contacts.readable(dto.contactId);
      if (!existing) throw referenceNotFound('contactId', 'contact');
      return { record: existing, created: false };
    }
    if (!lead.lastName) throw CrmErrors.leadIncomplete([{ path: 'lastName', message: 'the lead has no lastName to create a contact from' }]);
    const livesThere = lead.ownerOccupied === true;
    const record = await this.contacts.insert(
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
