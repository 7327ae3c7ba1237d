import { buildSearchText } from '@libs/pagination';
import type { Snapshot } from '../crm.events';
import { normalizedContactData } from '../shared/contact-data.rules';
import { addressToColumns, columnsToAddress } from '../shared/postal-address.dto';
import type { LeadResponseDto, UpdateLeadDto } from './lead.dto';
import type { Lead, NewLead } from './leads.schema';

export type LeadChanges = Partial<Omit<NewLead, 'id' | 'version' | 'createdAt' | 'createdBy'>>;

/** Row → API representation (the only place that knows both shapes). */
export function toLeadResponse(lead: Lead): LeadResponseDto {
  return {
    id: lead.id,
    version: lead.version,
    source: lead.source,
    status: lead.status,
    statusChangedAt: lead.statusChangedAt,
    lostReason: lead.lostReason,
    lostNote: lead.lostNote,
    interests: lead.interests,
    message: lead.message,
    salutation: lead.salutation,
    firstName: lead.firstName,
    lastName: lead.lastName,
    companyName: lead.companyName,
    email: lead.email,
    phone: lead.phone,
    preferredLanguage: lead.preferredLanguage,
    propertyAddress: columnsToAddress({
      street: lead.propertyStreet,
      postalCode: lead.propertyPostalCode,
      city: lead.propertyCity,
      countryCode: lead.propertyCountryCode,
    }),
    buildingType: lead.buildingType,
    yearBuilt: lead.yearBuilt,
    livingAreaM2: lead.livingAreaM2,
    residentialUnits: lead.residentialUnits,
    ownerOccupied: lead.ownerOccupied,
    estimatedValueCents: lead.estimatedValueCents,
    assigneeId: lead.assigneeId,
    departmentId: lead.departmentId,
    convertedAt: lead.convertedAt,
    convertedContactId: lead.convertedContactId,
    convertedCompanyId: lead.convertedCompanyId,
    createdAt: lead.createdAt,
    updatedAt: lead.updatedAt,
    createdBy: lead.createdBy,
    updatedBy: lead.updatedBy,
    deletedAt: lead.deletedAt,
  };
}

/** Fields whose changes events and the audit log record (not the derived search text or audit columns). */
export const LEAD_AUDITED_FIELDS = [
  'source',
  'status',
  'lostReason',
  'lostNote',
  'interests',
  'message',
  'salutation',
  'firstName',
  'lastName',
  'companyName',
  'email',
  'phone',
  'preferredLanguage',
  'propertyStreet',
  'propertyPostalCode',
  'propertyCity',
  'propertyCountryCode',
  'buildingType',
  'yearBuilt',
  'livingAreaM2',
  'residentialUnits',
  'ownerOccupied',
  'estimatedValueCents',
  'assigneeId',
  'departmentId',
  'convertedAt',
  'convertedContactId',
  'convertedCompanyId',
] as const satisfies readonly (keyof Lead)[];

/** The audited fields of a lead, for `created` events. */
export function leadSnapshot(lead: Lead): Snapshot {
  return Object.fromEntries(LEAD_AUDITED_FIELDS.map((field) => [field, lead[field]]));
}

/** The columns of the fields present in a create or update DTO (undefined = not sent = unchanged). */
export function leadColumns(dto: Partial<UpdateLeadDto>): LeadChanges {
  const columns: LeadChanges = {
    message: dto.message,
    salutation: dto.salutation,
    firstName: dto.firstName,
    lastName: dto.lastName,
    companyName: dto.companyName,
    email: dto.email,
    phone: dto.phone,
    preferredLanguage: dto.preferredLanguage,
    buildingType: dto.buildingType,
    yearBuilt: dto.yearBuilt,
    livingAreaM2: dto.livingAreaM2,
    residentialUnits: dto.residentialUnits,
    ownerOccupied: dto.ownerOccupied,
    estimatedValueCents: dto.estimatedValueCents,
    assigneeId: dto.assigneeId,
    departmentId: dto.departmentId,
  };
  if (dto.propertyAddress !== undefined) {
    const address = addressToColumns(dto.propertyAddress);
    Object.assign(columns, {
      propertyStreet: address.street,
      propertyPostalCode: address.postalCode,
      propertyCity: address.city,
      propertyCountryCode: address.countryCode,
    });
  }
  return normalizedContactData(Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as LeadChanges);
}

export function leadSearchText(lead: Pick<NewLead, 'firstName' | 'lastName' | 'companyName' | 'email' | 'phone'>): string {
  return buildSearchText([lead.firstName, lead.lastName, lead.companyName, lead.email], [lead.phone]);
}
