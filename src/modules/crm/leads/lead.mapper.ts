import { addressOfRow, addressToColumns, columnsToAddress, normalizedContactData, prefixAddress } from '@libs/contact-data';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { LeadResponseDto, UpdateLeadDto } from './lead.dto';
import type { Lead, leads } from './leads.schema';

export type LeadChanges = ChangesOf<typeof leads>;

/** What the lead DTOs set directly (status, property address and interests have rules of their own). */
const LEAD_FIELDS = [
  'message', 'salutation', 'firstName', 'lastName', 'companyName', 'email', 'phone', 'preferredLanguage', 'buildingType', 'yearBuilt',
  'livingAreaM2', 'residentialUnits', 'ownerOccupied', 'estimatedValueCents', 'assigneeId', 'departmentId',
] as const satisfies readonly (keyof Lead)[];
const STATUS_FIELDS = ['source', 'status', 'lostReason', 'lostNote', 'interests'] as const;
const CONVERSION_FIELDS = ['convertedAt', 'convertedContactId', 'convertedCompanyId'] as const;
const PROPERTY_FIELDS = ['propertyStreet', 'propertyPostalCode', 'propertyCity', 'propertyCountryCode'] as const;

/** Fields whose changes events and the audit log record (not the derived search text or audit columns). */
export const LEAD_AUDITED_FIELDS = [...STATUS_FIELDS, ...LEAD_FIELDS, ...PROPERTY_FIELDS, ...CONVERSION_FIELDS];

const RESPONSE_FIELDS = [...STATUS_FIELDS, 'statusChangedAt', ...LEAD_FIELDS, ...CONVERSION_FIELDS] as const;

/** Row → API representation (the only place that knows both shapes). */
export function toLeadResponse(lead: Lead): LeadResponseDto {
  // Set on the picked object rather than spread into a new one: a spread copy costs far more per row.
  const response: Omit<LeadResponseDto, 'propertyAddress'> & Partial<Pick<LeadResponseDto, 'propertyAddress'>> = auditedPick(lead, RESPONSE_FIELDS);
  response.propertyAddress = columnsToAddress(addressOfRow(lead, 'property'));
  return response as LeadResponseDto;
}

/** The columns of the fields present in a create or update DTO (undefined = not sent = unchanged). */
export function leadColumns(dto: Partial<UpdateLeadDto>): LeadChanges {
  const property = dto.propertyAddress === undefined ? {} : prefixAddress(addressToColumns(dto.propertyAddress), 'property');
  return normalizedContactData(pickDefined({ ...pick(dto, LEAD_FIELDS), ...property }));
}

export function leadSearchText(lead: Pick<Lead, 'firstName' | 'lastName' | 'companyName' | 'email' | 'phone'>): string {
  return buildSearchText([lead.firstName, lead.lastName, lead.companyName, lead.email], [lead.phone]);
}
